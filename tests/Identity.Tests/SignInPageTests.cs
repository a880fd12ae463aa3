using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
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
        await TypeIntoAsync(page, "#Password", "kurz");
        await TypeIntoAsync(page, "#Repeat", "kurz");
        await SubmitAsync(page);
        await ExpectAccessibleAsync(page, "Passwort festlegen");
        (await page.Locator("#Password").GetAttributeAsync("aria-invalid")).Should().Be("true");
        (await page.Locator("[role=alert]").InnerTextAsync()).Should().Contain("12 Zeichen");

        await TypeIntoAsync(page, "#Password", IdentityHost.Password);
        await TypeIntoAsync(page, "#Repeat", IdentityHost.Password);
        await SubmitAsync(page);
        await ExpectAccessibleAsync(page, "Passwort festlegen");
        await FollowLinkAsync(page, "a[href='/account/sign-in']");

        await ExpectAccessibleAsync(page, "Anmelden");
        await TypeIntoAsync(page, "#Email", "tastatur@office.test");
        await TypeIntoAsync(page, "#Password", "nicht das Passwort");
        await SubmitAsync(page);
        await ExpectAccessibleAsync(page, "Anmelden");
        (await page.Locator("[role=alert]").CountAsync()).Should().Be(1, "the wrong password is named above the form");

        await TypeIntoAsync(page, "#Password", IdentityHost.Password);
        await SubmitAsync(page);
        await ExpectAccessibleAsync(page, "Angemeldet");
        await FollowLinkAsync(page, "a[href='/account/authenticator']");

        await ExpectAccessibleAsync(page, "Zweiten Faktor einrichten");
        var key = await page.Locator("figcaption code").InnerTextAsync();
        await TypeIntoAsync(page, "#Code", StaffSession.TotpCode(key));
        await SubmitAsync(page);
        await ExpectAccessibleAsync(page, "Angemeldet");

        var again = await chromium.NewPageAsync(German);
        await again.GotoAsync(new Uri(host.Address, "/account/sign-in").ToString());
        await TypeIntoAsync(again, "#Email", "tastatur@office.test");
        await TypeIntoAsync(again, "#Password", IdentityHost.Password);
        await SubmitAsync(again);
        await ExpectAccessibleAsync(again, "Bestätigungscode eingeben");
        await TypeIntoAsync(again, "#Code", "000000");
        await SubmitAsync(again);
        await ExpectAccessibleAsync(again, "Bestätigungscode eingeben");
        (await again.Locator("#Code").GetAttributeAsync("aria-invalid")).Should().Be("true");
    }

    [Fact]
    public async Task The_language_link_switches_to_English_and_the_choice_is_kept_on_the_next_page()
    {
        var page = await chromium.NewPageAsync(German);
        await page.GotoAsync(new Uri(host.Address, "/account/sign-in").ToString());

        await FollowLinkAsync(page, "a[hreflang=en]");
        await ExpectAccessibleAsync(page, "Sign in");
        (await page.Locator("html").GetAttributeAsync("lang")).Should().Be("en");

        await page.GotoAsync(new Uri(host.Address, $"/account/invitation?account={Guid.NewGuid()}&code=unknown").ToString());
        await ExpectAccessibleAsync(page, "Set your password");
        (await page.Locator("[role=alert]").InnerTextAsync()).Should().NotBeNullOrWhiteSpace();
    }

    private static async Task ExpectAccessibleAsync(IPage page, string heading)
    {
        (await page.Locator("h1").InnerTextAsync()).Should().Be(heading);
        var result = await page.RunAxe();
        result.Violations.Should().BeEmpty(Describe(result.Violations));
    }

    /// <summary>Tabs through the page from where the focus is until the field has it, then types.</summary>
    private static async Task TypeIntoAsync(IPage page, string selector, string text)
    {
        await TabToAsync(page, selector);
        await page.Keyboard.PressAsync("ControlOrMeta+a");
        await page.Keyboard.TypeAsync(text);
    }

    private static async Task FollowLinkAsync(IPage page, string selector)
    {
        await TabToAsync(page, selector);
        await SubmitAsync(page);
    }

    /// <summary>Enter on the focused field or link, and the next document loaded (the same address after a form post).</summary>
    private static async Task SubmitAsync(IPage page)
    {
        await page.EvaluateAsync("() => window.beforeSubmit = true");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.readyState === 'complete' && !window.beforeSubmit");
    }

    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var press = 0; press < 30; press++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        throw new InvalidOperationException($"{selector} cannot be reached with the Tab key on {page.Url}.");
    }

    private static string Describe(IEnumerable<AxeResultItem> violations) =>
        string.Join("; ", violations.Select(v => $"{v.Id}: {string.Join(", ", v.Nodes.Select(n => n.Html))}"));
}
