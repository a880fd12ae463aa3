using System.Net;
using System.Net.Http.Json;
using FluentAssertions;

namespace Quartier.EndToEnd.Tests;

/// <summary>What staff set up before residents can book: an office open every day, one service by phone or in person, callback windows.</summary>
internal sealed record BookableOffice(Guid OfficeId, Guid ServiceId, string Name)
{
    public const string ServiceName = "Sozialberatung";

    public static async Task<BookableOffice> CreateAsync(PlatformFixture platform, string? name = null, string? email = null)
    {
        ArgumentNullException.ThrowIfNull(platform);
        var cancellation = TestContext.Current.CancellationToken;
        var officeName = name ?? "Stadtteilbüro Südstadt";
        using var created = await platform.Client.PostAsJsonAsync("/api/offices", new
        {
            name = officeName,
            kind = "Stadtteilbüro",
            street = "Käthe-Kollwitz-Straße 20",
            postalCode = "37327",
            town = "Leinefelde-Worbis",
            federalState = "DE-TH",
            contact = new { phone = "+49 3605 555100", email },
            languages = new[] { "de", "ar", "ru" },
        }, cancellation);
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var officeId = (await created.Content.ReadFromJsonAsync<OfficeView>(cancellation))!.Id;
        await platform.WaitForAsync<OfficeView>($"/api/bookings/offices/{officeId}", PlatformFixture.ArrivalTimeout);

        var everyDay = new { intervals = Enumerable.Range(0, 7).Select(day => new { day, opens = "00:00", closes = "23:59" }) };
        (await platform.Client.PutAsJsonAsync($"/api/bookings/offices/{officeId}/opening-hours/plans/2020-01-01", everyDay, cancellation)).EnsureSuccessStatusCode();
        using var service = await platform.Client.PostAsJsonAsync($"/api/bookings/offices/{officeId}/services", new
        {
            names = new Dictionary<string, string> { ["de"] = ServiceName, ["ar"] = "استشارة اجتماعية" },
            durationMinutes = 30,
            channels = new[] { "InPerson", "Phone" },
            fieldOfAction = "zusammenleben",
            capacity = 2,
        }, cancellation);
        service.StatusCode.Should().Be(HttpStatusCode.Created);
        var serviceId = (await service.Content.ReadFromJsonAsync<IdView>(cancellation))!.Id;
        (await platform.Client.PutAsJsonAsync($"/api/bookings/offices/{officeId}/callback-settings", new { windowMinutes = 60, capacityPerWindow = 3, minimumNoticeMinutes = 0 }, cancellation))
            .EnsureSuccessStatusCode();
        return new BookableOffice(officeId, serviceId, officeName);
    }

    private sealed record IdView(Guid Id);
}
