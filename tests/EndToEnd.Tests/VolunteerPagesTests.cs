using System.Net.Http.Json;
using FluentAssertions;
using Microsoft.Playwright;
using Quartier.Testing;

namespace Quartier.EndToEnd.Tests;

/// <summary>Residents offering their time on the pages: the volunteer sign-up and the volunteer's own data, with the keyboard alone, in German and Arabic.</summary>
[Collection(PlatformCollection.Name)]
public sealed class VolunteerPagesTests(PlatformFixture platform) : BrowserTests(platform)
{
    [Fact]
    public async Task A_minor_signs_up_with_the_keyboard_is_asked_for_a_guardian_keeps_every_choice_and_staff_see_the_sign_up()
    {
        var office = await BookableOffice.CreateAsync(Platform, $"Stadtteilbüro Mitmachen {Guid.NewGuid():N}");
        await Platform.WaitForAsync<OfficeView>($"/api/engagement/offices/{office.OfficeId}", PlatformFixture.ArrivalTimeout);
        var page = await NewPageAsync("de-DE");
        await page.GotoAsync(Address($"/offices/{office.OfficeId}"));
        await page.FollowAsync($"a[href='/offices/{office.OfficeId}/volunteer']");
        await ExpectAccessibleAsync(page, "Ehrenamtlich mithelfen");

        await page.TypeIntoAsync("#name", "Yusuf Demir");
        await page.TypeIntoAsync("#phone", "0176 5550123");
        await page.TickAsync("#language-tr");
        await page.TickAsync("#language-de");
        await page.TickAsync("#skill-homework");
        await page.TypeIntoAsync("#otherskills", "Fußball, Gitarre");
        await page.TickAsync("#time-Wednesday-Afternoon");
        await page.ChooseAsync("#age-Minor");
        await page.TickAsync("#consent");
        await page.FollowAsync("button[type=submit]");

        await ExpectAccessibleAsync(page, "Ehrenamtlich mithelfen");
        (await page.Locator("#guardianname-error").InnerTextAsync()).Should().Contain("sorgeberechtigten Person");
        (await page.Locator("#name").InputValueAsync()).Should().Be("Yusuf Demir");
        foreach (var kept in new[] { "#language-tr", "#language-de", "#skill-homework", "#time-Wednesday-Afternoon", "#age-Minor", "#consent" })
        {
            (await page.Locator(kept).IsCheckedAsync()).Should().BeTrue($"{kept} stays ticked when the form comes back");
        }

        (await page.Locator("#otherskills").InputValueAsync()).Should().Be("Fußball, Gitarre");

        await page.TypeIntoAsync("#guardianname", "Ayşe Demir");
        await page.TickAsync("#guardianconsent");
        await page.FollowAsync("button[type=submit]");
        await ExpectAccessibleAsync(page, "Danke für Ihre Anmeldung!");

        var volunteers = await Platform.Client.GetFromJsonAsync<List<VolunteerView>>($"/api/engagement/offices/{office.OfficeId}/volunteers", Cancellation);
        var volunteer = volunteers.Should().ContainSingle().Subject;
        volunteer.Name.Should().Be("Yusuf Demir");
        volunteer.Phone.Should().Be("+491765550123", "the office can dial it from anywhere");
        volunteer.Languages.Should().BeEquivalentTo("de", "tr");
        volunteer.Skills.Should().BeEquivalentTo("hausaufgabenhilfe", "fußball", "gitarre");
        volunteer.Availability.Should().ContainSingle().Which.Should().Be(new AvailabilityView("Wednesday", new TimeOnly(12, 0), new TimeOnly(17, 0)));
        volunteer.AgeGroup.Should().Be("Minor");
        volunteer.Status.Should().Be("Pending");

        // The volunteer's own link: everything stored, named in the page's language, and withdrawing at once.
        await page.FollowAsync("a[href$='/my-data']");
        await ExpectAccessibleAsync(page, "Ihre Daten");
        var stored = await page.Locator("dl").InnerTextAsync();
        stored.Should().Contain("Yusuf Demir").And.Contain("Ayşe Demir").And.Contain("Türkçe").And.Contain("Mittwoch").And.Contain("Minderjährig")
            .And.Contain("Wartet auf Bestätigung durch das Büro");
        await page.TickAsync("#confirmed");
        await page.FollowAsync("main form button[type=submit]");
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Tätigkeiten", "what remains is named");
        (await page.AxeViolationsAsync()).Should().BeEmpty();
        var withdrawn = (await Platform.Client.GetFromJsonAsync<List<VolunteerView>>($"/api/engagement/offices/{office.OfficeId}/volunteers", Cancellation))!.Single();
        (withdrawn.Name, withdrawn.Phone, withdrawn.Status).Should().Be((null, null, "Ended"), "withdrawing the consent erases the name and phone and ends the volunteering");
    }

    [Fact]
    public async Task The_sign_up_and_the_barrier_form_pass_axe_in_Arabic_and_Leichte_Sprache_and_a_sign_up_without_a_language_is_refused()
    {
        var office = await BookableOffice.CreateAsync(Platform, $"Stadtteilbüro Mitmachen ar {Guid.NewGuid():N}");
        var page = await NewPageAsync("ar");
        await page.GotoAsync(Address($"/offices/{office.OfficeId}/volunteer"));
        (await page.Locator("html").GetAttributeAsync("dir")).Should().Be("rtl");
        (await page.AxeViolationsAsync()).Should().BeEmpty();

        await page.TypeIntoAsync("#name", "Rana Haddad");
        await page.TypeIntoAsync("#email", "rana@example.org");
        await page.ChooseAsync("#age-Adult");
        await page.TickAsync("#consent");
        await page.FollowAsync("button[type=submit]");

        (await page.Locator("#languages-error").InnerTextAsync()).Should().NotBeNullOrWhiteSpace();
        (await page.Locator(".summary a[href='#languages']").CountAsync()).Should().Be(1, "the summary leads to the field to mend");
        (await page.AxeViolationsAsync()).Should().BeEmpty();
        (await Platform.Client.GetFromJsonAsync<List<VolunteerView>>($"/api/engagement/offices/{office.OfficeId}/volunteers", Cancellation)).Should().BeEmpty();

        await page.FollowAsync("a[hreflang=de-x-ls]");
        (await page.Locator("html").GetAttributeAsync("lang")).Should().Be("de-x-ls");
        (await page.AxeViolationsAsync()).Should().BeEmpty();
        await page.GotoAsync(Address($"/accessibility?office={office.OfficeId}"));
        (await page.Locator("#office").CountAsync()).Should().Be(1);
        (await page.AxeViolationsAsync()).Should().BeEmpty("the barrier form passes axe in Leichte Sprache");
        await page.FollowAsync("a[hreflang=ar]");
        (await page.Locator("html").GetAttributeAsync("dir")).Should().Be("rtl");
        (await page.AxeViolationsAsync()).Should().BeEmpty("the barrier form passes axe in Arabic");
    }

    private sealed record AvailabilityView(string Weekday, TimeOnly From, TimeOnly To);

    private sealed record VolunteerView(string? Name, string? Phone, List<string> Languages, List<string> Skills, List<AvailabilityView> Availability, string AgeGroup, string Status);
}
