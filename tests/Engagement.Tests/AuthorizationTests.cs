using FluentAssertions;
using Quartier.Testing;

namespace Quartier.Engagement.Tests;

/// <summary>Volunteers' and registrants' contact data only for the staff of their office; everything else chosen explicitly.</summary>
public sealed class AuthorizationTests(PlatformInfrastructure platform) : IAsyncLifetime
{
    private EngagementHost host = null!;
    private HttpClient anonymous = null!;

    public async ValueTask InitializeAsync()
    {
        host = await EngagementHost.StartAsync(platform);
        anonymous = host.Service.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        anonymous.Dispose();
        await host.DisposeAsync();
    }

    [Fact]
    public void Every_endpoint_is_public_or_protected_by_a_named_policy()
    {
        EndpointChoices.WithoutChoice(host.Service.Services).Should().BeEmpty();
        EndpointChoices.Protected(host.Service.Services).Select(e => e.Pattern).Should().Contain("/api/engagement/offices/{officeId:guid}/volunteers/");
        EndpointChoices.Public(host.Service.Services).Should().Contain("POST /api/engagement/offices/{officeId:guid}/volunteers/");
    }

    [Fact]
    public async Task Without_a_valid_token_every_protected_endpoint_answers_401_problem_details() =>
        (await AuthorizationChecks.NotUnauthorizedAsync(anonymous, host.Service.Services, StaffClient.Audience)).Should().BeEmpty();

    [Fact]
    public async Task Staff_of_one_office_get_nothing_of_another() =>
        (await AuthorizationChecks.LetThroughToAnotherOfficeAsync(anonymous, host.Service.Services, StaffClient.Audience)).Should().BeEmpty();
}
