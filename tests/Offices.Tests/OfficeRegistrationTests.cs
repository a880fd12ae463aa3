using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using Quartier.Contracts.Offices;
using Quartier.Offices.Directory;
using Quartier.Testing;

namespace Quartier.Offices.Tests;

public sealed class OfficeRegistrationTests(PlatformInfrastructure platform) : IAsyncLifetime
{
    private ServiceFactory<Program> offices = null!;
    private HttpClient client = null!;

    public async ValueTask InitializeAsync()
    {
        offices = await ServiceFactory.StartAsync<Program>(platform, "offices");
        client = offices.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await offices.DisposeAsync();
    }

    [Fact]
    public async Task Registering_an_office_publishes_OfficeRegistered_with_its_public_data()
    {
        await using var probe = await EventProbe.StartAsync<OfficeRegistered>(offices.MessagingConnectionString, TestContext.Current.CancellationToken);

        using var response = await client.PostAsJsonAsync("/api/offices", Salzgitter(), TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var office = (await response.Content.ReadFromJsonAsync<OfficeResponse>(TestContext.Current.CancellationToken))!;
        var published = await probe.WaitForAsync(e => e.OfficeId == office.Id, TimeSpan.FromSeconds(10));
        published.Message.Should().BeEquivalentTo(new
        {
            office.Name,
            Kind = "Koordinierungsbüro",
            Street = "Berliner Straße 92",
            PostalCode = "38226",
            Town = "Salzgitter",
            FederalState = "DE-NI",
            TimeZone = "Europe/Berlin",
        });
        published.MessageId.Should().NotBeNull();
    }

    [Fact]
    public async Task A_double_submit_with_one_idempotency_key_creates_one_office_and_answers_the_same()
    {
        var key = Guid.NewGuid().ToString();
        var before = await CountAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/offices") { Content = JsonContent.Create(Salzgitter()) };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }));

        answers.Should().OnlyContain(answer => answer.StatusCode == HttpStatusCode.Created);
        answers.Select(answer => answer.Body).Distinct().Should().ContainSingle();
        (await CountAsync()).Should().Be(before + 1);
    }

    [Fact]
    public async Task Reusing_an_idempotency_key_for_a_different_office_is_refused()
    {
        var key = Guid.NewGuid().ToString();
        using var first = await PostWithKeyAsync(key, Salzgitter());
        using var second = await PostWithKeyAsync(key, Salzgitter() with { Name = "Ein anderes Büro" });

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        second.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [InlineData("postalCode", "3822")]
    [InlineData("postalCode", "3822a")]
    [InlineData("federalState", "DE-XX")]
    [InlineData("timeZone", "Mars/Olympus")]
    [InlineData("name", "")]
    public async Task An_invalid_field_is_a_400_naming_it(string field, string value)
    {
        var body = new Dictionary<string, string>
        {
            ["name"] = "Koordinierungsbüro Salzgitter",
            ["kind"] = "Koordinierungsbüro",
            ["street"] = "Berliner Straße 92",
            ["postalCode"] = "38226",
            ["town"] = "Salzgitter",
            ["federalState"] = "DE-NI",
            [field] = value,
        };

        using var response = await client.PostAsJsonAsync("/api/offices", body, TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblem>(TestContext.Current.CancellationToken))!;
        problem.Errors.Keys.Should().Equal(field);
    }

    [Fact]
    public async Task An_unknown_office_is_a_404_problem()
    {
        using var response = await client.GetAsync(new Uri($"/api/offices/{Guid.NewGuid()}", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    private async Task<HttpResponseMessage> PostWithKeyAsync(string key, RegisterOfficeRequest body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/offices") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private async Task<int> CountAsync() =>
        (await client.GetFromJsonAsync<OfficePage>("/api/offices?pageSize=1", TestContext.Current.CancellationToken))!.Total;

    private static RegisterOfficeRequest Salzgitter() =>
        new("Koordinierungsbüro Salzgitter", "Koordinierungsbüro", "Berliner Straße 92", "38226", "Salzgitter", "DE-NI", null);

    private sealed record ValidationProblem(Dictionary<string, string[]> Errors);
}
