using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using Quartier.Testing;

namespace Quartier.EndToEnd.Tests;

/// <summary>A resident's own data on the pages, by the booking's link: see it, download it, delete it.</summary>
[Collection(PlatformCollection.Name)]
public sealed class OwnDataPagesTests(PlatformFixture platform) : BrowserTests(platform)
{
    [Fact]
    public async Task A_resident_sees_and_downloads_their_data_erases_it_after_confirming_and_the_link_opens_nothing_while_the_figures_stay()
    {
        var office = await BookableOffice.CreateAsync(Platform, $"Stadtteilbüro Meine Daten {Guid.NewGuid():N}");
        var report = $"/api/reporting/appointments?officeId={office.OfficeId}&period=year&format=csv";
        var before = await Platform.Client.GetStringAsync(new Uri(report, UriKind.Relative), Cancellation);
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3));
        var slots = (await Platform.Client.GetFromJsonAsync<List<SlotView>>($"/api/bookings/services/{office.ServiceId}/slots?channel=Phone&from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}", Cancellation))!;
        using var booked = await Platform.Client.PostAsJsonAsync("/api/bookings/appointments", new
        {
            serviceId = office.ServiceId,
            startsAt = slots[0].StartsAt,
            channel = "Phone",
            name = "Marija Petrović",
            phone = "+49 3605 555321",
            email = "marija.petrovic@example.org",
            language = "de",
            interpreterNeeded = false,
            topic = "Wohngeld-Antrag",
            consent = new { textVersion = "2026-12-appointments", givenAt = DateTimeOffset.UtcNow },
        }, Cancellation);
        booked.EnsureSuccessStatusCode();
        var token = (await booked.Content.ReadFromJsonAsync<ConfirmationView>(Cancellation))!.ManagementToken;
        var counted = await WaitForReportChangeAsync(report, before);

        using var resident = new HttpClient { BaseAddress = Platform.Gateway.BaseAddress };
        var page = await NewPageAsync("de-DE");
        await page.GotoAsync(Address($"/appointment/{token}"));
        await page.FollowAsync($"a[href='/appointment/{token}/my-data']");
        await ExpectAccessibleAsync(page, "Ihre Daten");
        (await page.Locator("dl").InnerTextAsync()).Should().Contain("Marija Petrović").And.Contain("marija.petrovic@example.org").And.Contain("Wohngeld-Antrag").And.Contain("2026-12-appointments");
        var download = page.Locator($"a[href='/api/bookings/appointments/manage/{token}/personal-data']");
        (await download.GetAttributeAsync("download")).Should().Be("my-data.json");
        using (var file = await resident.GetAsync(new Uri($"/api/bookings/appointments/manage/{token}/personal-data", UriKind.Relative), Cancellation))
        {
            file.Headers.CacheControl!.NoStore.Should().BeTrue("personal data is never kept in a cache");
            (await file.Content.ReadAsStringAsync(Cancellation)).Should().Contain("Marija Petrović");
        }

        await page.FollowAsync("main form button[type=submit]");
        (await page.Locator("#confirmed-error").InnerTextAsync()).Should().Contain("Häkchen", "nothing is erased without confirming");
        (await page.AxeViolationsAsync()).Should().BeEmpty();
        await page.TickAsync("#confirmed");
        await page.FollowAsync("main form button[type=submit]");

        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Ihre Daten sind gelöscht").And.NotContain("Marija");
        (await page.AxeViolationsAsync()).Should().BeEmpty();
        using (var opened = await resident.GetAsync(new Uri($"/appointment/{token}", UriKind.Relative), Cancellation))
        {
            opened.StatusCode.Should().Be(HttpStatusCode.NotFound, "the link opens nothing once the data is erased");
        }

        using (var exported = await resident.GetAsync(new Uri($"/api/bookings/appointments/manage/{token}/personal-data", UriKind.Relative), Cancellation))
        {
            exported.StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        (await StaffDayAsync(office.OfficeId, day)).Should().NotContain("Marija").And.Contain(office.ServiceId.ToString(), "the appointment stays for the office, without the name");
        await Task.Delay(TimeSpan.FromSeconds(3), Cancellation);
        (await Platform.Client.GetStringAsync(new Uri(report, UriKind.Relative), Cancellation)).Should().Be(counted, "the office's figures do not change");
    }

    private async Task<string> WaitForReportChangeAsync(string report, string before)
    {
        var deadline = DateTime.UtcNow + PlatformFixture.ArrivalTimeout;
        while (true)
        {
            var now = await Platform.Client.GetStringAsync(new Uri(report, UriKind.Relative), Cancellation);
            if (now != before || DateTime.UtcNow > deadline)
            {
                now.Should().NotBe(before, "the booking reaches the report");
                return now;
            }

            await Task.Delay(250, Cancellation);
        }
    }

    private Task<string> StaffDayAsync(Guid officeId, DateOnly day) =>
        Platform.Client.GetStringAsync(new Uri($"/api/bookings/offices/{officeId}/appointments?date={day:yyyy-MM-dd}", UriKind.Relative), Cancellation);

    private sealed record SlotView(DateTimeOffset StartsAt, int FreeSeats);

    private sealed record ConfirmationView(string ManagementToken);
}
