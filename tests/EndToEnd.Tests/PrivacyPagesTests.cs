using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using Quartier.Testing;

namespace Quartier.EndToEnd.Tests;

/// <summary>The privacy notice shows the consent texts the services publish, and a booking on the pages records the version and language the resident read.</summary>
[Collection(PlatformCollection.Name)]
public sealed class PrivacyPagesTests(PlatformFixture platform) : BrowserTests(platform)
{
    [Fact]
    public async Task The_notice_in_Arabic_shows_the_published_texts_and_an_Arabic_booking_records_their_version_and_language()
    {
        using var resident = new HttpClient { BaseAddress = Platform.Gateway.BaseAddress };
        var published = await resident.GetFromJsonAsync<JsonElement>("/api/bookings/consent-texts/appointments?language=ar", Cancellation);
        var volunteering = await resident.GetFromJsonAsync<JsonElement>("/api/engagement/consent-texts/volunteers?language=ar", Cancellation);

        var page = await NewPageAsync("ar");
        await page.GotoAsync(Address("/privacy"));
        (await page.AxeViolationsAsync()).Should().BeEmpty();
        var appointments = page.Locator("section[aria-labelledby=appointments]");
        (await appointments.GetAttributeAsync("dir")).Should().Be("rtl");
        (await appointments.Locator("h2").InnerTextAsync()).Should().Be(published.GetProperty("title").GetString());
        (await appointments.InnerTextAsync()).Should().Contain(published.GetProperty("paragraphs")[0].GetString()).And.Contain(published.GetProperty("version").GetString());
        (await page.Locator("section[aria-labelledby=volunteers] h2").InnerTextAsync()).Should().Be(volunteering.GetProperty("title").GetString());

        var office = await BookableOffice.CreateAsync(Platform, $"Stadtteilbüro Einwilligung {Guid.NewGuid():N}");
        await page.GotoAsync(Address($"/book/{office.ServiceId}?channel=Phone"));
        await page.Locator("ul.times a").First.ClickAsync();
        await page.Locator("#name").FillAsync("Layla Haddad");
        await page.Locator("#phone").FillAsync("0176 5550199");
        await page.Locator("#consent").CheckAsync();
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/appointment/**");
        var token = new Uri(page.Url).AbsolutePath.Split('/')[2];

        var stored = await resident.GetFromJsonAsync<JsonElement>($"/api/bookings/appointments/manage/{token}/personal-data", Cancellation);
        var consent = stored.GetProperty("resident");
        (consent.GetProperty("consentTextVersion").GetString(), consent.GetProperty("consentLanguage").GetString())
            .Should().Be((published.GetProperty("version").GetString(), "ar"), "the booking names the text and the language the resident read");
    }
}
