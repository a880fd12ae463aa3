using FluentAssertions;
using Microsoft.Playwright;
using Quartier.Identity.Accounts;
using Quartier.Testing;

namespace Quartier.Identity.Tests;

/// <summary>
/// The sign-in pages in a real browser, as a person with only a keyboard meets them: every state of
/// every page passes axe with zero violations, in German and in English.
/// </summary>
public sealed class SignInPageTests(PlatformInfrastructure platform) : IAsyncLifetime
{
    private static readonly Guid Office = Guid.NewGuid();
    private static readonly BrowserNewContextOptions German = new() { Locale = "de-DE" };
    private IdentityHost host = null!;
    private HeadlessChromium chromium = null!;

    public async ValueTask InitializeAsync()
    {
        host = await IdentityHost.StartAsync(platform, FreePort.Next());
        chromium = await HeadlessChromium.LaunchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await chromium.DisposeAsync();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task A_new_member_of_staff_takes_up_the_invitation_signs_in_and_sets_up_a_second_factor_with_the_keyboard_alone()
    {
        var link = await host.InviteAsync("tastatur@office.test", "Tara Tastatur", memberships: (Office, OfficeRole.Staff));
        var page = await chromium.NewPageAsync(German);

        await page.GotoAsync(link);
        await ExpectAccessibleAsync(page, "Passwort festlegen");
        (await page.Locator("html").GetAttributeAsync("lang")).Should().Be("de");
        await page.TypeIntoAsync("#Password", "kurz");
        await page.TypeIntoAsync("#Repeat", "kurz");
        await page.SubmitAsync();
        await ExpectAccessibleAsync(page, "Passwort festlegen");
        (await page.Locator("#Password").GetAttributeAsync("aria-invalid")).Should().Be("true");
        (await page.Locator("[role=alert]").InnerTextAsync()).Should().Contain("12 Zeichen");

        await page.TypeIntoAsync("#Password", IdentityHost.Password);
        await page.TypeIntoAsync("#Repeat", IdentityHost.Password);
        await page.SubmitAsync();
        await ExpectAccessibleAsync(page, "Passwort festlegen");
        await page.FollowAsync("a[href='/account/sign-in']");

        await ExpectAccessibleAsync(page, "Anmelden");
        await page.TypeIntoAsync("#Email", "tastatur@office.test");
        await page.TypeIntoAsync("#Password", "nicht das Passwort");
        await page.SubmitAsync();
        await ExpectAccessibleAsync(page, "Anmelden");
        (await page.Locator("[role=alert]").CountAsync()).Should().Be(1, "the wrong password is named above the form");

        await page.TypeIntoAsync("#Password", IdentityHost.Password);
        await page.SubmitAsync();
        await ExpectAccessibleAsync(page, "Angemeldet");
        await page.FollowAsync("a[href='/account/authenticator']");

        await ExpectAccessibleAsync(page, "Zweiten Faktor einrichten");
        var key = await page.Locator("figcaption code").InnerTextAsync();
        await page.TypeIntoAsync("#Code", StaffSession.TotpCode(key));
        await page.SubmitAsync();
        await ExpectAccessibleAsync(page, "Angemeldet");

        var again = await chromium.NewPageAsync(German);
        await again.GotoAsync(new Uri(host.Address, "/account/sign-in").ToString());
        await again.TypeIntoAsync("#Email", "tastatur@office.test");
        await again.TypeIntoAsync("#Password", IdentityHost.Password);
        await again.SubmitAsync();
        await ExpectAccessibleAsync(again, "Bestätigungscode eingeben");
        await again.TypeIntoAsync("#Code", "000000");
        await again.SubmitAsync();
        await ExpectAccessibleAsync(again, "Bestätigungscode eingeben");
        (await again.Locator("#Code").GetAttributeAsync("aria-invalid")).Should().Be("true");
    }

    [Fact]
    public async Task The_language_link_switches_to_English_and_the_choice_is_kept_on_the_next_page()
    {
        var page = await chromium.NewPageAsync(German);
        await page.GotoAsync(new Uri(host.Address, "/account/sign-in").ToString());

        await page.FollowAsync("a[hreflang=en]");
        await ExpectAccessibleAsync(page, "Sign in");
        (await page.Locator("html").GetAttributeAsync("lang")).Should().Be("en");

        await page.GotoAsync(new Uri(host.Address, $"/account/invitation?account={Guid.NewGuid()}&code=unknown").ToString());
        await ExpectAccessibleAsync(page, "Set your password");
        (await page.Locator("[role=alert]").InnerTextAsync()).Should().NotBeNullOrWhiteSpace();
    }

    private static async Task ExpectAccessibleAsync(IPage page, string heading)
    {
        (await page.Locator("h1").InnerTextAsync()).Should().Be(heading);
        (await page.AxeViolationsAsync()).Should().BeEmpty();
    }
}
