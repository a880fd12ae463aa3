using System.Net;
using System.Net.Http.Json;
using FluentAssertions;

namespace Quartier.EndToEnd.Tests;

/// <summary>A service that is down takes away only what it supplies: the rest of a resident's page keeps working.</summary>
[Collection(PlatformCollection.Name)]
public sealed class PageOutageTests(PlatformFixture platform)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_the_offices_service_down_a_resident_still_sees_and_cancels_the_appointment_by_its_link()
    {
        var office = await BookableOffice.CreateAsync(platform, $"Stadtteilbüro Ausfall {Guid.NewGuid():N}");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var slot = (await platform.Client.GetFromJsonAsync<List<SlotView>>($"/api/bookings/services/{office.ServiceId}/slots?channel=InPerson&from={today.AddDays(2):yyyy-MM-dd}&to={today.AddDays(4):yyyy-MM-dd}", Cancellation))![0];
        using var booking = await platform.Client.PostAsJsonAsync("/api/bookings/appointments", new
        {
            serviceId = office.ServiceId,
            startsAt = slot.StartsAt,
            channel = "InPerson",
            name = "Mariam Saleh",
            phone = "+49 3605 555777",
            language = "ar",
            consent = new { textVersion = "2026-12-appointments", givenAt = DateTimeOffset.UtcNow },
        }, Cancellation);
        booking.StatusCode.Should().Be(HttpStatusCode.Created);
        var token = (await booking.Content.ReadFromJsonAsync<ConfirmationView>(Cancellation))!.ManagementToken;
        using var browser = new HttpClient { BaseAddress = platform.Gateway.BaseAddress };

        var offices = platform.Services["offices"];
        await offices.StopAsync();
        try
        {
            using var page = await browser.GetAsync(new Uri($"/appointment/{token}", UriKind.Relative), Cancellation);
            page.StatusCode.Should().Be(HttpStatusCode.OK);
            var html = await page.Content.ReadAsStringAsync(Cancellation);
            html.Should().Contain(office.Name).And.Contain("Termin absagen", "the appointment can still be cancelled").And.NotContain("Käthe-Kollwitz-Straße", "the address comes from the offices service");
        }
        finally
        {
            await offices.StartAgainAsync();
        }
    }

    private sealed record SlotView(DateTimeOffset StartsAt, int FreeSeats);

    private sealed record ConfirmationView(string ManagementToken);
}
