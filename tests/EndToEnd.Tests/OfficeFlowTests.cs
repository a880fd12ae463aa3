using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using FluentAssertions;

namespace Quartier.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class OfficeFlowTests(PlatformFixture platform)
{
    private static readonly TimeSpan ArrivalTimeout = PlatformFixture.ArrivalTimeout;

    [Fact]
    public async Task An_office_created_through_the_gateway_reaches_every_service_in_one_trace()
    {
        // The caller starts the trace, as a browser with tracing would; every hop must continue it.
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/offices")
        {
            Content = JsonContent.Create(SuedstadtOffice()),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        using var response = await platform.Client.SendAsync(request, TestContext.Current.CancellationToken);
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var office = (await response.Content.ReadFromJsonAsync<OfficeView>(TestContext.Current.CancellationToken))!;
        response.Headers.Location!.ToString().Should().EndWith($"/api/offices/{office.Id}");

        var inBookings = await platform.WaitForAsync<OfficeView>($"/api/bookings/offices/{office.Id}", ArrivalTimeout);
        var inEngagement = await platform.WaitForAsync<OfficeView>($"/api/engagement/offices/{office.Id}", ArrivalTimeout);
        var inReporting = await platform.WaitForAsync<OfficeView>($"/api/reporting/offices/{office.Id}", ArrivalTimeout);
        inBookings.Name.Should().Be("Stadtteilbüro Südstadt");
        inBookings.TimeZone.Should().Be("Europe/Berlin");
        inEngagement.Town.Should().Be("Leinefelde-Worbis");
        inReporting.FederalState.Should().Be("DE-TH");

        var trace = traceId.ToString();
        var spans = await platform.Telemetry.WaitForTraceAsync(
            trace,
            ours => ours.Any(span => span.ServiceName == "gateway" && span.Scope == "Microsoft.AspNetCore")
                && ours.Any(span => span.ServiceName == "offices" && span.Scope == "Npgsql")
                && ours.Any(span => span.ServiceName == "offices" && span.Scope == "MassTransit")
                && new[] { "bookings", "engagement", "reporting" }.All(consumer =>
                    ours.Any(span => span.ServiceName == consumer && span.Scope == "MassTransit")
                    && ours.Any(span => span.ServiceName == consumer && span.Scope == "Npgsql")),
            ArrivalTimeout);

        spans.Where(span => span.TraceId == trace).Select(span => span.ServiceName).Distinct()
            .Should().BeEquivalentTo(["gateway", "offices", "bookings", "engagement", "reporting"]);
    }

    [Fact]
    public async Task The_gateway_answers_its_status_only_and_each_service_names_its_dependencies_inside()
    {
        using var response = await platform.Client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        body.Should().Be("""{"status":"Healthy"}""", "the public entry tells the internet nothing about what is behind it");

        foreach (var service in platform.Services.Values)
        {
            var report = (await platform.Client.GetFromJsonAsync<HealthView>(new Uri(service.BaseAddress, "/health"), TestContext.Current.CancellationToken))!;
            report.Status.Should().Be("Healthy");
            report.Checks.Keys.Should().Contain(["database", "broker"]);
        }
    }

    [Fact]
    public async Task Malformed_json_through_the_gateway_is_a_400_problem_and_stores_nothing()
    {
        var before = await CountOfficesAsync();
        using var content = new StringContent("{\"name\": \"Treffpunkt\",", Encoding.UTF8, "application/json");

        using var response = await platform.Client.PostAsync(new Uri("/api/offices", UriKind.Relative), content, TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = (await response.Content.ReadFromJsonAsync<ProblemView>(TestContext.Current.CancellationToken))!;
        problem.Status.Should().Be(400);
        problem.Detail.Should().Contain("not valid JSON");
        (await CountOfficesAsync()).Should().Be(before);
    }

    [Fact]
    public async Task An_office_without_required_fields_is_a_400_naming_each_field()
    {
        using var response = await platform.Client.PostAsJsonAsync(
            "/api/offices", new { name = "Treffpunkt Nord", postalCode = "123" }, TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemView>(TestContext.Current.CancellationToken))!;
        problem.Errors.Keys.Should().BeEquivalentTo(["kind", "street", "postalCode", "town", "federalState"]);
    }

    private async Task<int> CountOfficesAsync() =>
        (await platform.Client.GetFromJsonAsync<OfficePageView>("/api/offices?pageSize=1", TestContext.Current.CancellationToken))!.Total;

    internal static object SuedstadtOffice() => new
    {
        name = "Stadtteilbüro Südstadt",
        kind = "Stadtteilbüro",
        street = "Käthe-Kollwitz-Straße 20",
        postalCode = "37327",
        town = "Leinefelde-Worbis",
        federalState = "DE-TH",
    };
}

internal sealed record OfficeView(Guid Id, Guid OfficeId, string Name, string Town, string FederalState, string TimeZone);

internal sealed record OfficePageView(int Total);

internal sealed record HealthCheckView(string Status, string? Description);

internal sealed record HealthView(string Status, Dictionary<string, HealthCheckView> Checks);

internal sealed record ProblemView(int Status, string? Title, string? Detail, Dictionary<string, string[]> Errors)
{
    public Dictionary<string, string[]> Errors { get; init; } = Errors ?? [];
}
