using System.Net;
using System.Net.Http.Json;
using FluentAssertions;

namespace Quartier.EndToEnd.Tests;

/// <summary>Dependencies go away while the platform runs; nothing exits, nothing is lost, all recovers by itself.</summary>
[Collection(PlatformCollection.Name)]
public sealed class OutageTests(PlatformFixture platform)
{
    private static readonly TimeSpan DetectionTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task While_RabbitMQ_is_down_the_platform_stays_ready_accepts_offices_and_delivers_them_once_it_is_back()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        OfficeView office;
        await platform.RabbitMq.StopAsync();
        try
        {
            await WaitForServiceHealthAsync("offices", "Degraded", DetectionTimeout);
            var broker = (await platform.Client.GetFromJsonAsync<HealthView>(new Uri(platform.Services["offices"].BaseAddress, "/health"), cancellationToken))!.Checks["broker"];
            broker.Status.Should().Be("Degraded", "operators see the broker is away");
            using (var gatewayHealth = await platform.Client.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken))
            {
                gatewayHealth.StatusCode.Should().Be(HttpStatusCode.OK, "writes go on through the outbox, so no service leaves the load balancer");
            }

            using var created = await platform.Client.PostAsJsonAsync("/api/offices", OfficeFlowTests.SuedstadtOffice(), cancellationToken);
            created.StatusCode.Should().Be(HttpStatusCode.Created, "the event waits in the outbox while the broker is away");
            office = (await created.Content.ReadFromJsonAsync<OfficeView>(cancellationToken))!;
            await AllProcessesAreAliveAsync();
        }
        finally
        {
            await platform.RabbitMq.StartAgainAsync();
        }

        await WaitForServiceHealthAsync("offices", "Healthy", RecoveryTimeout);
        (await platform.WaitForAsync<OfficeView>($"/api/bookings/offices/{office.Id}", RecoveryTimeout)).Name.Should().Be(office.Name);
        (await platform.WaitForAsync<OfficeView>($"/api/reporting/offices/{office.Id}", RecoveryTimeout)).Name.Should().Be(office.Name);
    }

    [Fact]
    public async Task While_PostgreSQL_is_down_writes_answer_503_with_retry_after_and_nothing_half_written_remains()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var before = (await platform.Client.GetFromJsonAsync<OfficePageView>("/api/offices?pageSize=1", cancellationToken))!.Total;
        await platform.Postgres.StopAsync();
        try
        {
            using var refused = await platform.Client.PostAsJsonAsync("/api/offices", OfficeFlowTests.SuedstadtOffice(), cancellationToken);

            refused.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            refused.Headers.RetryAfter.Should().NotBeNull();
            refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            await WaitForGatewayHealthAsync(HttpStatusCode.ServiceUnavailable, DetectionTimeout);
            await AllProcessesAreAliveAsync();
        }
        finally
        {
            await platform.Postgres.StartAgainAsync();
        }

        await WaitForGatewayHealthAsync(HttpStatusCode.OK, RecoveryTimeout);
        (await platform.Client.GetFromJsonAsync<OfficePageView>("/api/offices?pageSize=1", cancellationToken))!.Total.Should().Be(before);
        using var accepted = await platform.Client.PostAsJsonAsync("/api/offices", OfficeFlowTests.SuedstadtOffice(), cancellationToken);
        accepted.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    private async Task AllProcessesAreAliveAsync()
    {
        foreach (var process in platform.Services.Values.Append(platform.Gateway))
        {
            using var alive = await platform.Client.GetAsync(new Uri(process.BaseAddress, "/alive"), TestContext.Current.CancellationToken);
            alive.StatusCode.Should().Be(HttpStatusCode.OK, $"{process.Name} must keep running");
        }
    }

    private async Task WaitForServiceHealthAsync(string service, string expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        string? actual;
        do
        {
            using var response = await platform.Client.GetAsync(new Uri(platform.Services[service].BaseAddress, "/health"), TestContext.Current.CancellationToken);
            actual = (await response.Content.ReadFromJsonAsync<HealthView>(TestContext.Current.CancellationToken))?.Status;
            if (actual == expected)
            {
                return;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        while (DateTime.UtcNow < deadline);

        actual.Should().Be(expected, $"{service}'s /health should report {expected} within {timeout.TotalSeconds} s");
    }

    private async Task WaitForGatewayHealthAsync(HttpStatusCode expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        HttpStatusCode actual;
        do
        {
            using var response = await platform.Client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
            actual = response.StatusCode;
            if (actual == expected)
            {
                return;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        while (DateTime.UtcNow < deadline);

        actual.Should().Be(expected, $"the gateway's /health should answer {expected} within {timeout.TotalSeconds} s");
    }
}
