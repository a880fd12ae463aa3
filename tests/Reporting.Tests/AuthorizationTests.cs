using System.Net;
using System.Net.Http.Headers;
using FluentAssertions;
using Quartier.Testing;

namespace Quartier.Reporting.Tests;

/// <summary>Reports for the coordinators of their offices; all offices at once for administrators.</summary>
public sealed class AuthorizationTests(PlatformInfrastructure platform) : IAsyncLifetime
{
    private ServiceFactory<Program> reporting = null!;
    private HttpClient anonymous = null!;

    public async ValueTask InitializeAsync()
    {
        reporting = await ServiceFactory.StartAsync<Program>(platform, "reporting");
        anonymous = reporting.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        anonymous.Dispose();
        await reporting.DisposeAsync();
    }

    [Fact]
    public void Every_endpoint_is_public_or_protected_by_a_named_policy()
    {
        EndpointChoices.WithoutChoice(reporting.Services).Should().BeEmpty();
        EndpointChoices.Protected(reporting.Services).Should().Contain(e => e.Pattern == "/api/reporting/appointments" && e.Policy == "coordinator");
    }

    [Fact]
    public async Task Without_a_valid_token_every_protected_endpoint_answers_401_problem_details() =>
        (await AuthorizationChecks.NotUnauthorizedAsync(anonymous, reporting.Services, StaffClient.Audience)).Should().BeEmpty();

    [Fact]
    public async Task Coordinators_read_their_offices_reports_only()
    {
        (await AuthorizationChecks.LetThroughToAnotherOfficeAsync(anonymous, reporting.Services, StaffClient.Audience)).Should().BeEmpty();
        var mine = Guid.NewGuid();
        var coordinator = StaffTokens.Coordinator(StaffClient.Audience, mine);

        (await GetAsync($"/api/reporting/appointments?officeId={mine}", coordinator)).Should().Be(HttpStatusCode.OK);
        (await GetAsync($"/api/reporting/appointments?officeId={Guid.NewGuid()}", coordinator)).Should().Be(HttpStatusCode.Forbidden);
        (await GetAsync("/api/reporting/appointments", coordinator)).Should().Be(HttpStatusCode.Forbidden, "all offices at once are for administrators");
        (await GetAsync("/api/reporting/appointments", StaffTokens.Administrator(StaffClient.Audience))).Should().Be(HttpStatusCode.OK);
    }

    private async Task<HttpStatusCode> GetAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
        using var response = await anonymous.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
