using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using FluentAssertions;

namespace Quartier.EndToEnd.Tests;

/// <summary>Staff create, edit and close an office through the gateway; the other services' copies follow.</summary>
[Collection(PlatformCollection.Name)]
public sealed class OfficesFlowTests(PlatformFixture platform)
{
    private static readonly TimeSpan ArrivalTimeout = PlatformFixture.ArrivalTimeout;

    [Fact]
    public async Task An_office_created_updated_and_closed_through_the_gateway_is_reflected_everywhere()
    {
        var office = Stadthagen("Mittelpunkt Hüttenstraße (E2E)");
        using var created = await platform.Client.PostAsJsonAsync("/api/offices", office, TestContext.Current.CancellationToken);
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<OfficeDetail>(TestContext.Current.CancellationToken))!.Id;
        await WaitUntilAsync<BookingsOffice>($"/api/bookings/offices/{id}", copy => copy.AcceptsBookings);

        // Staff load the office, edit it with the version they saw, and see the edit.
        using var loaded = await platform.Client.GetAsync(new Uri($"/api/offices/{id}", UriKind.Relative), TestContext.Current.CancellationToken);
        var loadedETag = loaded.Headers.ETag!;
        var renamed = Stadthagen("Treffpunkt Hüttenstraße (E2E)");
        using var updated = await SendAsync(HttpMethod.Put, $"/api/offices/{id}", renamed, loadedETag);
        updated.StatusCode.Should().Be(HttpStatusCode.OK);
        updated.Headers.ETag.Should().NotBe(loadedETag);
        var detail = (await platform.Client.GetFromJsonAsync<OfficeDetail>($"/api/offices/{id}", TestContext.Current.CancellationToken))!;
        detail.Name.Should().Be("Treffpunkt Hüttenstraße (E2E)");
        detail.ProjectArea!.Indicators.Should().ContainSingle(i => i.Name == "Ausländische Bewohner*innen" && i.AreaValue == 44m && i.TownValue == 24m);

        // A colleague still holding the old version is refused instead of overwriting the edit.
        using var stale = await SendAsync(HttpMethod.Put, $"/api/offices/{id}", Stadthagen("Veraltet"), loadedETag);
        stale.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        using var unconditional = await SendAsync(HttpMethod.Put, $"/api/offices/{id}", Stadthagen("Ohne If-Match"), ifMatch: null);
        unconditional.StatusCode.Should().Be((HttpStatusCode)428);

        await WaitUntilAsync<BookingsOffice>($"/api/bookings/offices/{id}", copy => copy.Name == "Treffpunkt Hüttenstraße (E2E)");
        await WaitUntilAsync<EngagementOffice>($"/api/engagement/offices/{id}", copy => copy.Name == "Treffpunkt Hüttenstraße (E2E)");
        await WaitUntilAsync<ReportingOffice>($"/api/reporting/offices/{id}",
            copy => copy.Name == "Treffpunkt Hüttenstraße (E2E)" && copy.ProjectArea == "Stadthagen Hüttenstraßen-Quartier");

        using var closed = await SendAsync(HttpMethod.Post, $"/api/offices/{id}/close", body: null, updated.Headers.ETag);
        closed.StatusCode.Should().Be(HttpStatusCode.OK);
        using var closedAgain = await SendAsync(HttpMethod.Post, $"/api/offices/{id}/close", body: null, ifMatch: null);
        closedAgain.StatusCode.Should().Be(HttpStatusCode.Conflict);

        var directory = (await platform.Client.GetFromJsonAsync<OfficePage>("/api/offices?q=Hüttenstraße (E2E)", TestContext.Current.CancellationToken))!;
        directory.Items.Should().NotContain(item => item.Id == id);
        var withClosed = (await platform.Client.GetFromJsonAsync<OfficePage>("/api/offices?q=Hüttenstraße (E2E)&includeClosed=true", TestContext.Current.CancellationToken))!;
        withClosed.Items.Should().ContainSingle(item => item.Id == id).Which.Status.Should().Be("Closed");

        await WaitUntilAsync<BookingsOffice>($"/api/bookings/offices/{id}", copy => !copy.AcceptsBookings);
        await WaitUntilAsync<EngagementOffice>($"/api/engagement/offices/{id}", copy => !copy.IsOpen);
        await WaitUntilAsync<ReportingOffice>($"/api/reporting/offices/{id}", copy => copy.ClosedAt is not null);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, EntityTagHeaderValue? ifMatch)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(ifMatch);
        }

        return await platform.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Polls a service's copy through the gateway until it shows what the office's events said.</summary>
    private async Task<T> WaitUntilAsync<T>(string path, Func<T, bool> shows)
    {
        var deadline = DateTime.UtcNow + ArrivalTimeout;
        T? last = default;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await platform.Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            if (response.IsSuccessStatusCode)
            {
                last = (await response.Content.ReadFromJsonAsync<T>(TestContext.Current.CancellationToken))!;
                if (shows(last))
                {
                    return last;
                }
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"{path} did not reflect the change within {ArrivalTimeout.TotalSeconds} s; last seen: {last}");
    }

    private static object Stadthagen(string name) => new
    {
        name,
        kind = "Treffpunkt",
        street = "Hüttenstraße",
        postalCode = "31655",
        town = "Stadthagen",
        federalState = "DE-NI",
        languages = new[] { "de", "tr", "ar" },
        fieldsOfAction = new[] { "zusammenleben", "soziale-infrastruktur", "image" },
        partners = new[] { new { name = "Arbeiterwohlfahrt Kreisverband Schaumburg e.V.", role = "welfare-organisation", operates = true } },
        projectArea = new
        {
            name = "Stadthagen Hüttenstraßen-Quartier",
            population = 3508,
            indicators = new[]
            {
                new { name = "Ausländische Bewohner*innen", areaValue = 44m, townValue = 24m, unit = "%", source = "Stadt Stadthagen", asOf = "2016-12-31" },
            },
        },
    };

    private sealed record Indicator(string Name, decimal? AreaValue, decimal? TownValue);

    private sealed record Area(string Name, IReadOnlyList<Indicator> Indicators);

    private sealed record OfficeDetail(Guid Id, string Name, string Status, Area? ProjectArea);

    private sealed record OfficePage(IReadOnlyList<OfficeDetail> Items, int Total);

    private sealed record BookingsOffice(Guid OfficeId, string Name, bool AcceptsBookings);

    private sealed record EngagementOffice(Guid OfficeId, string Name, bool IsOpen);

    private sealed record ReportingOffice(Guid OfficeId, string? Name, string? ProjectArea, DateTimeOffset? ClosedAt);
}
