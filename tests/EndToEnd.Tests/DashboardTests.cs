using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using FluentAssertions;
using Microsoft.Playwright;
using Quartier.Testing;

namespace Quartier.EndToEnd.Tests;

/// <summary>The operator's view: the Aspire dashboard in a real browser (Debian's Chromium through Playwright).</summary>
[Collection(PlatformCollection.Name)]
public sealed class DashboardTests(PlatformFixture platform)
{
    private static readonly string[] Resources = ["postgres", "rabbitmq", "mail", "offices", "bookings", "engagement", "reporting", "identity", "web", "gateway"];

    [Fact]
    public async Task The_dashboard_shows_every_resource_running_and_healthy_and_one_trace_across_all_services()
    {
        await using var browser = await HeadlessChromium.LaunchAsync();
        // Tall enough that the resource grid shows every row at once.
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 2400 } });

        await page.GotoAsync(platform.DashboardLoginUrl.ToString());
        foreach (var resource in Resources)
        {
            await Assertions.Expect(ResourceRow(page, resource)).ToContainTextAsync("Running", new() { Timeout = 60_000 });
            await Assertions.Expect(ResourceRow(page, resource)).Not.ToContainTextAsync("Unhealthy");
        }

        // The row match tells resources apart: demo data is loaded only on request.
        await Assertions.Expect(ResourceRow(page, "demo-data")).ToContainTextAsync("Not started", new() { Timeout = 30_000 });

        var traceId = ActivityTraceId.CreateRandom().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/offices") { Content = JsonContent.Create(OfficeFlowTests.SuedstadtOffice()) };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        using var created = await platform.Client.SendAsync(request, TestContext.Current.CancellationToken);
        created.StatusCode.Should().Be(HttpStatusCode.Created);

        // The consumers' spans arrive in the dashboard a moment after the office is stored.
        await platform.Telemetry.WaitForTraceAsync(
            traceId,
            spans => new[] { "bookings", "engagement", "reporting" }.All(consumer => spans.Any(span => span.ServiceName == consumer)),
            PlatformFixture.ArrivalTimeout);
        await page.GotoAsync(new Uri(platform.DashboardLoginUrl, $"/traces/detail/{traceId}").ToString());
        foreach (var service in new[] { "gateway", "offices", "bookings", "engagement", "reporting" })
        {
            await Assertions.Expect(page.GetByText(service, new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        }

        await Assertions.Expect(page.GetByText("POST /api/offices").First).ToBeVisibleAsync();
    }

    /// <summary>The grid row whose name cell is exactly <paramref name="resource"/> (not <c>officesdb</c> for <c>offices</c>).</summary>
    private static ILocator ResourceRow(IPage page, string resource) =>
        page.GetByRole(AriaRole.Row).Filter(new() { HasTextRegex = new Regex($@"^\s*{Regex.Escape(resource)}\s*(Running|Starting|Not started|Waiting|Exited|Finished)") });
}
