using System.Net;
using FluentAssertions;
using Quartier.Testing;

namespace Quartier.Reporting.Tests;

public sealed class ReportRequestTests(PlatformInfrastructure platform) : IAsyncLifetime
{
    private ServiceFactory<Program> reporting = null!;
    private HttpClient client = null!;

    public async ValueTask InitializeAsync()
    {
        reporting = await ServiceFactory.StartAsync<Program>(platform, "reporting");
        client = reporting.CreateStaffClient();
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await reporting.DisposeAsync();
    }

    [Fact]
    public async Task Malformed_report_requests_are_refused_with_400()
    {
        string[] queries =
        [
            "appointments?period=week",
            "appointments?period=1",
            "appointments?date=2026-13-01",
            "callbacks?format=xlsx",
            "events?decimalSeparator=semicolon",
            $"volunteers?officeId={Guid.NewGuid()}&projectArea=x",
            "programme?date=2026-01-01",
            "programme?projectArea=x&period=month",
        ];
        foreach (var query in queries)
        {
            using var response = await client.GetAsync(new Uri($"/api/reporting/{query}", UriKind.Relative), TestContext.Current.CancellationToken);
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, query);
        }
    }

    [Fact]
    public async Task Without_any_event_every_report_answers_zeros_complete_up_to_log_position_0()
    {
        foreach (var report in new[] { "appointments", "callbacks", "opening-hours", "events", "volunteers", "fields-of-action" })
        {
            using var response = await client.GetAsync(new Uri($"/api/reporting/{report}?period=year", UriKind.Relative), TestContext.Current.CancellationToken);
            response.StatusCode.Should().Be(HttpStatusCode.OK, report);
            (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().Contain("\"logPosition\":0", report);
        }
    }
}
