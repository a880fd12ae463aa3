using System.Net.Http.Json;
using FluentAssertions;
using Microsoft.Playwright;
using Quartier.Testing;

namespace Quartier.EndToEnd.Tests;

/// <summary>
/// The resident pages through the gateway in a real browser, as residents meet them: on a phone, with
/// the keyboard alone, without JavaScript, in German and right to left in Arabic; zero axe violations
/// on every page, and a booking made there is what staff see and what cancelling frees.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ResidentPagesTests(PlatformFixture platform) : BrowserTests(platform)
{
    [Fact]
    public async Task A_resident_finds_the_office_and_books_with_the_keyboard_alone_staff_see_it_and_cancelling_frees_the_time()
    {
        var office = await BookableOffice.CreateAsync(Platform, $"Stadtteilbüro Tastatur {Guid.NewGuid():N}");
        var page = await NewPageAsync("de-DE");

        await page.GotoAsync(Address("/"));
        await ExpectAccessibleAsync(page, "Ein Stadtteilbüro finden");
        await page.TypeIntoAsync("#q", office.Name);
        await page.SubmitAsync();
        await ExpectAccessibleAsync(page, "Ein Stadtteilbüro finden");
        await page.FollowAsync($"a[href='/offices/{office.OfficeId}']");

        await ExpectAccessibleAsync(page, office.Name);
        (await page.Locator("table").InnerTextAsync()).Should().Contain("00:00");
        await page.FollowAsync($"a[href='/book/{office.ServiceId}']");

        await ExpectAccessibleAsync(page, BookableOffice.ServiceName);
        await page.FollowAsync($"a[href='/book/{office.ServiceId}?channel=Phone']");
        await ExpectAccessibleAsync(page, BookableOffice.ServiceName);
        // Days ahead: far enough from the start to be cancelled online.
        await page.FollowAsync("a[href*='from=']");
        await page.FollowAsync("ul.times a");
        var startsAt = DateTimeOffset.Parse(System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query)["startsAt"]!, System.Globalization.CultureInfo.InvariantCulture);

        await ExpectAccessibleAsync(page, "Ihre Angaben");
        await page.FollowAsync("button[type=submit]");
        await ExpectAccessibleAsync(page, "Ihre Angaben");
        (await page.Locator("#name").GetAttributeAsync("aria-invalid")).Should().Be("true");
        (await page.Locator(".summary").InnerTextAsync()).Should().Contain("Telefonnummer oder eine E-Mail-Adresse").And.Contain("stimmen Sie zu");

        await page.TypeIntoAsync("#name", "Yusuf Haddad");
        await page.TypeIntoAsync("#phone", "03605 555123");
        await page.TypeIntoAsync("#topic", "Kita-Platz");
        await page.TickAsync("#consent");
        await page.FollowAsync("button[type=submit]");

        await ExpectAccessibleAsync(page, "Ihr Termin");
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Ihr Termin ist gebucht");
        // Staff see it in the day list, and the first free time has one seat less.
        var dayList = await StaffDayListAsync(office.OfficeId);
        dayList.Should().Contain("Yusuf Haddad").And.Contain("Kita-Platz");
        (await FreeSeatsAsync(office.ServiceId, startsAt)).Should().Be(1);

        await page.FollowAsync("button.secondary");
        await ExpectAccessibleAsync(page, "Ihr Termin");
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("abgesagt");
        (await StaffDayListAsync(office.OfficeId)).Should().Contain("Cancelled");
        (await FreeSeatsAsync(office.ServiceId, startsAt)).Should().Be(2, "cancelling frees the seat");
    }

    [Fact]
    public async Task A_resident_who_needs_help_asks_to_be_called_back_staff_find_it_in_the_queue_and_the_link_cancels_it()
    {
        var office = await BookableOffice.CreateAsync(Platform, $"Stadtteilbüro Rückruf {Guid.NewGuid():N}");
        var page = await NewPageAsync("de-DE");

        await page.GotoAsync(Address($"/offices/{office.OfficeId}"));
        await page.FollowAsync($"a[href='/offices/{office.OfficeId}/callback']");
        await ExpectAccessibleAsync(page, "Rückruf");
        await page.FollowAsync("ul.times a");
        await ExpectAccessibleAsync(page, "Ihre Angaben");
        await page.FollowAsync("button[type=submit]");
        (await page.Locator("#phone").GetAttributeAsync("aria-invalid")).Should().Be("true");
        (await page.AxeViolationsAsync()).Should().BeEmpty();

        await page.TypeIntoAsync("#phone", "05721 939830");
        await page.TickAsync("#consent");
        await page.FollowAsync("button[type=submit]");
        await ExpectAccessibleAsync(page, "Ihr Rückruf");
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Rückruf ist gebucht");

        var queue = await Platform.Client.GetStringAsync(new Uri($"/api/bookings/offices/{office.OfficeId}/callbacks/queue", UriKind.Relative), Cancellation);
        queue.Should().Contain("939830");

        await page.FollowAsync("button.secondary");
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("abgesagt");
        (await Platform.Client.GetStringAsync(new Uri($"/api/bookings/offices/{office.OfficeId}/callbacks/queue", UriKind.Relative), Cancellation))
            .Should().NotContain("939830", "a cancelled callback leaves the queue");
    }

    [Fact]
    public async Task The_last_place_of_an_event_goes_to_the_first_resident_the_next_waits_and_moves_up_when_the_first_cancels()
    {
        var office = await BookableOffice.CreateAsync(Platform, $"Stadtteilbüro Fest {Guid.NewGuid():N}");
        await Platform.WaitForAsync<OfficeView>($"/api/engagement/offices/{office.OfficeId}", PlatformFixture.ArrivalTimeout);
        var startsAt = DateTimeOffset.UtcNow.AddDays(10);
        using var scheduled = await Platform.Client.PostAsJsonAsync($"/api/engagement/offices/{office.OfficeId}/events", new
        {
            fieldOfAction = "zusammenleben",
            texts = new[] { new { language = "de", title = "Nachbarschaftsfest", description = (string?)"Mit Musik und Kuchen." }, new { language = "ar", title = "حفل الجيران", description = (string?)null } },
            place = "Hof der Käthe-Kollwitz-Straße 20",
            startsAt,
            endsAt = startsAt.AddHours(3),
            capacity = 1,
        }, Cancellation);
        scheduled.EnsureSuccessStatusCode();
        var eventId = (await scheduled.Content.ReadFromJsonAsync<IdView>(Cancellation))!.Id;

        var first = await NewPageAsync("de-DE");
        await first.GotoAsync(Address($"/events?office={office.OfficeId}"));
        await ExpectAccessibleAsync(first, "Veranstaltungen");
        await first.FollowAsync($"a[href='/events/{eventId}']");
        await ExpectAccessibleAsync(first, "Nachbarschaftsfest");
        await first.TypeIntoAsync("#name", "Amira Saleh");
        await first.TypeIntoAsync("#email", "amira@example.org");
        await first.TickAsync("#consent");
        await first.FollowAsync("button[type=submit]");
        await ExpectAccessibleAsync(first, "Ihre Anmeldung");
        (await first.Locator("[role=status]").InnerTextAsync()).Should().Contain("Sie sind angemeldet");

        var second = await NewPageAsync("de-DE");
        await second.GotoAsync(Address($"/events/{eventId}"));
        (await second.Locator("main").InnerTextAsync()).Should().Contain("Ausgebucht").And.Contain("Warteliste");
        await second.TypeIntoAsync("#name", "Ivan Petrenko");
        await second.TypeIntoAsync("#phone", "0157 12345678");
        await second.TickAsync("#consent");
        await second.FollowAsync("button[type=submit]");
        (await second.Locator("[role=status]").InnerTextAsync()).Should().Contain("Warteliste, Platz 1");
        var secondLink = second.Url.Split('?')[0];

        await first.FollowAsync("button.secondary");
        (await first.Locator("[role=status]").InnerTextAsync()).Should().Contain("abgesagt");
        await second.GotoAsync(secondLink);
        (await second.Locator("dl").InnerTextAsync()).Should().Contain("Angemeldet", "the waiting resident moved up to the freed place");
        (await second.AxeViolationsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task The_accessibility_statement_with_its_feedback_route_and_the_imprint_are_a_keyboard_step_from_every_page()
    {
        var page = await NewPageAsync("de-DE");
        await page.GotoAsync(Address("/events"));

        await page.FollowAsync("footer a[href='/accessibility']");
        await ExpectAccessibleAsync(page, "Barrierefreiheit");
        (await page.Locator("main").InnerTextAsync()).Should().Contain("BITV 2.0").And.Contain("Barriere melden");
        (await page.Locator("a[href^='mailto:']").CountAsync()).Should().BeGreaterThan(0, "a barrier can be reported to a named address");

        await page.FollowAsync("footer a[href='/imprint']");
        await ExpectAccessibleAsync(page, "Impressum");
        (await page.Locator("address").InnerTextAsync()).Should().NotBeNullOrWhiteSpace();

        await page.FollowAsync("a[hreflang=ar]");
        (await page.Locator("html").GetAttributeAsync("dir")).Should().Be("rtl");
        (await page.AxeViolationsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_barrier_reported_from_an_office_page_reaches_that_office_by_e_mail_and_a_missing_description_is_asked_for_first()
    {
        var officeEmail = $"barriere-{Guid.NewGuid():N}@example.org";
        var office = await BookableOffice.CreateAsync(Platform, $"Stadtteilbüro Barrieren {Guid.NewGuid():N}", officeEmail);
        var page = await NewPageAsync("de-DE");
        await page.GotoAsync(Address($"/offices/{office.OfficeId}"));

        await page.FollowAsync($"a[href='/accessibility?office={office.OfficeId}#feedback']");
        await ExpectAccessibleAsync(page, "Barrierefreiheit");
        (await page.Locator("#office").InputValueAsync()).Should().Be(office.OfficeId.ToString(), "the office the resident came from is chosen");
        await page.TypeIntoAsync("#where", "Öffnungszeiten");
        await page.FollowAsync("main form button[type=submit]");

        (await page.Locator("#message-error").InnerTextAsync()).Should().Contain("beschreiben Sie das Problem");
        (await page.Locator("#where").InputValueAsync()).Should().Be("Öffnungszeiten");
        (await page.AxeViolationsAsync()).Should().BeEmpty();
        await page.TypeIntoAsync("#message", "Die Tabelle mit den Öffnungszeiten ist mit 200 % Schrift abgeschnitten.");
        await page.TypeIntoAsync("#email", "jonas@example.org");
        await page.FollowAsync("main form button[type=submit]");

        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain(office.Name);
        var report = (await SmtpSink.WaitForAsync(Platform.MailDirectory, officeEmail, timeout: PlatformFixture.ArrivalTimeout)).Should().ContainSingle().Subject;
        report.ReplyTo.Mailboxes.Single().Address.Should().Be("jonas@example.org", "the office answers the resident directly");
        report.TextBody.Should().Contain("mit 200 % Schrift abgeschnitten").And.Contain("Öffnungszeiten");
    }

    [Fact]
    public async Task A_resident_moves_an_appointment_by_its_link_and_the_old_time_is_free_again()
    {
        var office = await BookableOffice.CreateAsync(Platform, $"Stadtteilbüro Verschieben {Guid.NewGuid():N}");
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3));
        var slots = (await Platform.Client.GetFromJsonAsync<List<SlotView>>($"/api/bookings/services/{office.ServiceId}/slots?channel=Phone&from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}", Cancellation))!;
        using var booked = await Platform.Client.PostAsJsonAsync("/api/bookings/appointments", new
        {
            serviceId = office.ServiceId,
            startsAt = slots[0].StartsAt,
            channel = "Phone",
            name = "Tetiana Bondar",
            phone = "+49 3605 555777",
            language = "uk",
            interpreterNeeded = false,
            consent = new { textVersion = "2026-12-appointments", givenAt = DateTimeOffset.UtcNow },
        }, Cancellation);
        booked.EnsureSuccessStatusCode();
        var token = (await booked.Content.ReadFromJsonAsync<ConfirmationView>(Cancellation))!.ManagementToken;

        var page = await NewPageAsync("de-DE");
        await page.GotoAsync(Address($"/appointment/{token}"));
        await page.FollowAsync($"a[href='/appointment/{token}/move']");
        await ExpectAccessibleAsync(page, "Termin verschieben");
        await page.FollowAsync("ul.times a");
        await ExpectAccessibleAsync(page, "Termin verschieben");
        var newStart = DateTimeOffset.Parse(System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query)["startsAt"]!, System.Globalization.CultureInfo.InvariantCulture);
        await page.FollowAsync("button[type=submit]");

        await ExpectAccessibleAsync(page, "Ihr Termin");
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("verschoben");
        (await FreeSeatsAsync(office.ServiceId, slots[0].StartsAt)).Should().Be(2, "the old time is free again");
        (await FreeSeatsAsync(office.ServiceId, newStart)).Should().Be(1, "the new time holds the appointment");
    }

    [Fact]
    public async Task In_Arabic_the_pages_read_right_to_left_and_pass_axe_and_the_choice_is_remembered()
    {
        var office = await BookableOffice.CreateAsync(Platform, $"Stadtteilbüro Arabisch {Guid.NewGuid():N}");
        var page = await NewPageAsync("de-DE");

        await page.GotoAsync(Address("/"));
        await page.FollowAsync("a[hreflang=ar]");
        (await page.Locator("html").GetAttributeAsync("dir")).Should().Be("rtl");
        (await page.Locator("html").GetAttributeAsync("lang")).Should().Be("ar");
        (await page.AxeViolationsAsync()).Should().BeEmpty();

        await page.GotoAsync(Address($"/offices/{office.OfficeId}"));
        (await page.Locator("html").GetAttributeAsync("dir")).Should().Be("rtl", "the language stays chosen");
        (await page.AxeViolationsAsync()).Should().BeEmpty();
        (await page.Locator("ul.cards h3").First.InnerTextAsync()).Should().Be("استشارة اجتماعية", "the service is named in the resident's language");

        await page.GotoAsync(Address($"/book/{office.ServiceId}?channel=InPerson"));
        (await page.AxeViolationsAsync()).Should().BeEmpty();
        await page.FollowAsync("ul.times a");
        (await page.AxeViolationsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task In_Leichte_Sprache_the_pages_pass_axe_a_booking_completes_and_its_confirmation_is_written_in_Leichte_Sprache_too()
    {
        var office = await BookableOffice.CreateAsync(Platform, $"Stadtteilbüro Leicht {Guid.NewGuid():N}");
        var page = await NewPageAsync("de-DE");

        await page.GotoAsync(Address("/"));
        await page.FollowAsync("a[hreflang=de-x-ls]");
        (await page.Locator("html").GetAttributeAsync("lang")).Should().Be("de-x-ls");
        (await page.Locator("h1").InnerTextAsync()).Should().Be("Ein Stadtteil-Büro finden");
        (await page.AxeViolationsAsync()).Should().BeEmpty();
        (await page.Locator("#language option[value='de-x-ls']").CountAsync()).Should().Be(0, "Leichte Sprache is written, not spoken");

        await page.GotoAsync(Address($"/offices/{office.OfficeId}"));
        (await page.Locator("html").GetAttributeAsync("lang")).Should().Be("de-x-ls", "the language stays chosen");
        (await page.AxeViolationsAsync()).Should().BeEmpty();

        await page.GotoAsync(Address($"/book/{office.ServiceId}?channel=InPerson"));
        (await page.AxeViolationsAsync()).Should().BeEmpty();
        await page.FollowAsync("ul.times a");
        (await page.AxeViolationsAsync()).Should().BeEmpty();
        var email = $"leicht-{Guid.NewGuid():N}@example.org";
        await page.Locator("#name").FillAsync("Jonas Becker");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#consent").CheckAsync();
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/appointment/**");
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Ihr Termin ist gebucht.");
        (await page.AxeViolationsAsync()).Should().BeEmpty();

        var mail = (await SmtpSink.WaitForAsync(Platform.MailDirectory, email, timeout: PlatformFixture.ArrivalTimeout)).Should().ContainSingle().Subject;
        mail.Body!.Headers[MimeKit.HeaderId.ContentLanguage].Should().Be("de-x-ls");
        mail.TextBody.Should().Contain(page.Url.Split('?')[0], "the link in the message opens the page the resident sees");
    }

    [Fact]
    public async Task Without_JavaScript_on_a_narrow_phone_a_booking_completes_and_a_double_submit_books_once()
    {
        var office = await BookableOffice.CreateAsync(Platform, $"Stadtteilbüro Ohne Skript {Guid.NewGuid():N}");
        var page = await Chromium.NewPageAsync(new BrowserNewContextOptions
        {
            Locale = "de-DE", JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 320, Height = 640 }, IsMobile = true,
        });

        await page.GotoAsync(Address($"/book/{office.ServiceId}?channel=InPerson"));
        await page.Locator("ul.times a").First.ClickAsync();
        await page.Locator("#name").FillAsync("Olena Kowalenko");
        await page.Locator("#email").FillAsync("olena@example.org");
        await page.Locator("#consent").CheckAsync();
        await page.Locator("button[type=submit]").DblClickAsync();

        // The second click aborts the first submission's navigation (waiting for it would see the abort): what counts is where the page ends up.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!new Uri(page.Url).AbsolutePath.StartsWith("/appointment/", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, Cancellation);
        }

        await page.WaitForLoadStateAsync(LoadState.Load);
        (await page.Locator("h1").InnerTextAsync()).Should().Be("Ihr Termin");
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Ihr Termin ist gebucht");
        (await page.EvaluateAsync<string[]>(WiderThanTheScreen)).Should().BeEmpty("nothing needs sideways scrolling on a 320-pixel phone");
        (await StaffDayListAsync(office.OfficeId)).Split("Olena Kowalenko").Length.Should().Be(2, "the same form sent twice books once");
    }

    [Fact]
    public async Task At_200_percent_text_on_a_320_pixel_phone_no_page_of_the_booking_flow_needs_sideways_scrolling_in_German_or_Arabic()
    {
        var office = await BookableOffice.CreateAsync(Platform, $"Stadtteilbüro für Nachbarschaftshilfe und Familienberatung {Guid.NewGuid():N}");
        foreach (var locale in new[] { "de-DE", "ar" })
        {
            var page = await Chromium.NewPageAsync(new BrowserNewContextOptions { Locale = locale, ViewportSize = new ViewportSize { Width = 320, Height = 640 }, IsMobile = true });
            foreach (var path in new[] { "/", $"/offices/{office.OfficeId}", $"/book/{office.ServiceId}?channel=InPerson", $"/offices/{office.OfficeId}/callback" })
            {
                await page.GotoAsync(Address(path));
                // Text zoom as a phone's settings set it: every rem and em doubles, the layout width stays.
                await page.EvaluateAsync("() => { document.documentElement.style.fontSize = '200%'; }");
                (await page.EvaluateAsync<string[]>(WiderThanTheScreen)).Should().BeEmpty($"{path} in {locale} fits a 320-pixel screen at 200 % text");
                var actions = page.Locator("main button[type=submit], main a.button");
                for (var i = 0; i < await actions.CountAsync(); i++)
                {
                    (await actions.Nth(i).IsVisibleAsync()).Should().BeTrue($"every action on {path} stays reachable");
                }
            }

            await page.Context.CloseAsync();
        }
    }

    /// <summary>The elements reaching past the viewport's edge, as tag and text.</summary>
    private const string WiderThanTheScreen = """
        () => [...document.body.querySelectorAll('*')]
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
            .map(e => e.tagName + ' ' + (e.className || '') + ': ' + (e.textContent || '').trim().slice(0, 40))
        """;

    private async Task<int> FreeSeatsAsync(Guid serviceId, DateTimeOffset startsAt)
    {
        var day = DateOnly.FromDateTime(startsAt.DateTime);
        var slots = await Platform.Client.GetFromJsonAsync<List<SlotView>>($"/api/bookings/services/{serviceId}/slots?channel=Phone&from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}", Cancellation);
        return slots!.SingleOrDefault(slot => slot.StartsAt == startsAt)?.FreeSeats ?? 0;
    }

    /// <summary>The office's appointments of the coming days, as staff read them.</summary>
    private async Task<string> StaffDayListAsync(Guid officeId)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var days = new List<string>();
        for (var day = today; day <= today.AddDays(10); day = day.AddDays(1))
        {
            days.Add(await Platform.Client.GetStringAsync(new Uri($"/api/bookings/offices/{officeId}/appointments?date={day:yyyy-MM-dd}", UriKind.Relative), Cancellation));
        }

        return string.Join('\n', days);
    }

    private sealed record SlotView(DateTimeOffset StartsAt, int FreeSeats);

    private sealed record IdView(Guid Id);

    private sealed record ConfirmationView(string ManagementToken);
}
