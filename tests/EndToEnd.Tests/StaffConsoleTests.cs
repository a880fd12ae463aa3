using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using Microsoft.Playwright;
using Quartier.Testing;

namespace Quartier.EndToEnd.Tests;

/// <summary>
/// The staff console through the gateway in a real browser, with the keyboard alone: a member of staff
/// signs in with the platform's OpenID Connect flow, works the day (attended with its outcome, a
/// cancellation on the resident's behalf) and the callback queue down to "unreachable", sees nothing of
/// another office, and signs out. Zero axe violations on every console page.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class StaffConsoleTests(PlatformFixture platform) : BrowserTests(platform)
{
    [Fact]
    public async Task Staff_sign_in_check_in_record_who_came_cancel_for_a_resident_count_a_walk_in_work_the_callback_queue_to_unreachable_and_sign_out()
    {
        var office = await BookableOffice.CreateAsync(Platform, $"Stadtteilbüro Konsole {Guid.NewGuid():N}");
        var otherOffice = await BookableOffice.CreateAsync(Platform, $"Treffpunkt Anderswo {Guid.NewGuid():N}");
        var email = $"team-{Guid.NewGuid():N}@quartier.test";
        await Platform.CreateAsync(email, "Tanja Team", office.OfficeId, "Staff");

        // Residents: two appointments at the next free time (it starts within the half hour, so "attended" may be recorded), one callback.
        var slot = await NextSlotAsync(office.ServiceId);
        var leyla = await BookAsync(office.ServiceId, slot, "Leyla Demir", "Wohngeld-Antrag");
        var oksana = await BookAsync(office.ServiceId, slot, "Oksana Melnyk", "Sprachkurs");
        var callback = await RequestCallbackAsync(office.OfficeId, "+49 3605 555777", "Mietschulden");
        await BookAsync(otherOffice.ServiceId, await NextSlotAsync(otherOffice.ServiceId), "Nicht Ihres", "Geheim");

        var page = await NewPageAsync("de-DE");
        await page.GotoAsync(Address("/staff"));
        new Uri(page.Url).AbsolutePath.Should().Be("/account/sign-in", "the console asks who is there first");
        await page.TypeIntoAsync("#Email", email);
        await page.TypeIntoAsync("#Password", PlatformFixture.Password);
        await page.SubmitAsync();
        await ExpectAccessibleAsync(page, "Ihre Büros");
        (await page.Locator("main").InnerTextAsync()).Should().Contain(office.Name).And.NotContain(otherOffice.Name);

        await page.FollowAsync($"a[href='/staff/offices/{office.OfficeId}']");
        var day = DateOnly.FromDateTime(slot.StartsAt.DateTime);
        if (!(await page.Locator("main").InnerTextAsync()).Contains("Leyla Demir", StringComparison.Ordinal))
        {
            // Shortly before midnight the next free time is tomorrow's.
            await page.FollowAsync($"a[href='/staff/offices/{office.OfficeId}?date={day:yyyy-MM-dd}']");
        }

        (await page.Locator("h1").InnerTextAsync()).Should().StartWith(office.Name);
        (await page.AxeViolationsAsync()).Should().BeEmpty();
        var main = await page.Locator("main").InnerTextAsync();
        main.Should().Contain("Leyla Demir").And.Contain("Wohngeld-Antrag").And.Contain("Oksana Melnyk").And.Contain(BookableOffice.ServiceName)
            .And.NotContain("Nicht Ihres", "another office's residents are not on this office's day");

        // Leyla arrives and waits; after the conversation: her concern was about schooling, and she was referred elsewhere.
        var leylaRow = $"appointment-{leyla:N}";
        await page.FollowAsync($"button[formaction$='/appointments/{leyla}/check-in']");
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Als angekommen erfasst");
        (await page.Locator($"tr:has(#{leylaRow})").InnerTextAsync()).Should().Contain("Angekommen um");
        (await page.Locator($"button[formaction$='/appointments/{leyla}/check-in']").CountAsync()).Should().Be(0, "one arrives once");
        (await page.AxeViolationsAsync()).Should().BeEmpty();
        await page.TabToAsync($"#outcome-{leylaRow}");
        await page.Keyboard.TypeAsync("Schule");
        await page.TickAsync($"#referred-{leylaRow}");
        await page.FollowAsync($"form[action$='{leyla}/attended'] button:not([formaction])");
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Als erschienen erfasst");
        (await page.Locator($"tr:has(#{leylaRow})").InnerTextAsync()).Should().Contain("Erschienen").And.Contain("Schule und Bildung").And.Contain("An andere Stelle verwiesen");
        (await page.AxeViolationsAsync()).Should().BeEmpty();

        // Oksana called to say she cannot come: staff cancel for her, and the time is free again.
        await page.FollowAsync($"button[formaction$='{oksana}/cancel']");
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Der Termin ist abgesagt");
        var dayList = await DayListAsync(office.OfficeId, day);
        dayList.Should().ContainSingle(a => a.AppointmentId == leyla).Which.Should().BeEquivalentTo(new { Status = "Attended", OutcomeFieldOfAction = "bildung", ReferredToOtherOrganisation = true });
        dayList.Should().ContainSingle(a => a.AppointmentId == oksana).Which.Status.Should().Be("Cancelled");

        // Someone walks in without an appointment about housing; a call counted by mistake is taken back. Nothing about them is asked.
        await page.GotoAsync(Address($"/staff/offices/{office.OfficeId}"));
        await page.TabToAsync("#contact-field");
        await page.Keyboard.TypeAsync("Wohnen");
        await page.FollowAsync("button[name=kind][value=WalkIn]");
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Gezählt");
        await page.FollowAsync("button[name=kind][value=Phone]");
        (await page.Locator("section:has(#contacts)").InnerTextAsync()).Should().Contain("Besuche ohne Termin: 1, Anrufe: 1");
        await page.FollowAsync("form[action$='/withdraw'] button");
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Zurückgenommen");
        (await page.Locator("section:has(#contacts)").InnerTextAsync()).Should().Contain("Besuche ohne Termin: 1, Anrufe: 0").And.Contain("Wohnen und Wohnumfeld");
        (await page.AxeViolationsAsync()).Should().BeEmpty();

        // The callback: three calls nobody answers close it as unreachable.
        var item = $"callback-{callback.CallbackId:N}";
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            (await page.Locator($"#{item}").CountAsync()).Should().Be(1, $"the request is still open before call {attempt}");
            await page.TabToAsync($"#attempt-{item}");
            await page.Keyboard.TypeAsync("Niemand");
            await page.FollowAsync($"button[aria-describedby='{item}']");
            (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Der Anruf ist erfasst");
        }

        (await page.Locator($"#{item}").CountAsync()).Should().Be(0, "the third failed call closes the request");
        (await ResidentsCallbackStatusAsync(callback.ManagementUrl)).Should().Be("Unreachable");
        (await page.AxeViolationsAsync()).Should().BeEmpty();

        // Another office's day shows nothing of it, however its address was found.
        await page.GotoAsync(Address($"/staff/offices/{otherOffice.OfficeId}"));
        await ExpectAccessibleAsync(page, "Sie arbeiten nicht für dieses Büro.");
        (await page.Locator("main").InnerTextAsync()).Should().NotContain("Nicht Ihres");

        // In English, then signed out: the console asks for the password again.
        await page.FollowAsync("a[hreflang=en]");
        await ExpectAccessibleAsync(page, "You do not work for this office.");
        await page.FollowAsync(".sign-out button");
        new Uri(page.Url).AbsolutePath.Should().Be("/");
        await page.GotoAsync(Address("/staff"));
        new Uri(page.Url).AbsolutePath.Should().Be("/account/sign-in");
    }

    [Fact]
    public async Task An_open_day_page_shows_a_new_booking_by_itself_keeps_what_staff_are_entering_and_warns_before_the_idle_sign_out()
    {
        var office = await BookableOffice.CreateAsync(Platform, $"Stadtteilbüro Live {Guid.NewGuid():N}");
        var email = $"live-{Guid.NewGuid():N}@quartier.test";
        await Platform.CreateAsync(email, "Lina Live", office.OfficeId, "Staff");
        var slot = await NextSlotAsync(office.ServiceId);
        var day = DateOnly.FromDateTime(slot.StartsAt.DateTime);

        var page = await NewPageAsync("de-DE");
        // The page's timers run on a clock the test moves: seconds of polling, half an hour of idleness.
        await page.Clock.InstallAsync();
        await page.GotoAsync(Address($"/staff/offices/{office.OfficeId}?date={day:yyyy-MM-dd}"));
        await page.TypeIntoAsync("#Email", email);
        await page.TypeIntoAsync("#Password", PlatformFixture.Password);
        await page.SubmitAsync();
        (await page.Locator("h1").InnerTextAsync()).Should().StartWith(office.Name, "sign-in leads back to the page asked for");
        (await page.AxeViolationsAsync()).Should().BeEmpty();

        // A resident books while the page is open: the row appears without a reload, and a screen reader hears of it.
        await BookAsync(office.ServiceId, slot, "Nadia Neu", "Kita-Platz");
        await page.Clock.RunForAsync(16_000);
        await page.Locator("tr:has-text('Nadia Neu')").WaitForAsync(new() { Timeout = 15_000 });
        (await page.Locator("#day-news").InnerTextAsync()).Should().Contain("neuen Stand");
        (await page.AxeViolationsAsync()).Should().BeEmpty();

        // While staff choose an outcome, the list stays as it is and says there is news.
        await page.TabToAsync("select[id^='outcome-']");
        await page.Keyboard.TypeAsync("Schule");
        await BookAsync(office.ServiceId, slot, "Jonas Später", "Wohngeld");
        await page.Clock.RunForAsync(16_000);
        await page.Locator("#day-changed").WaitForAsync(new() { Timeout = 15_000 });
        (await page.Locator("main").InnerTextAsync()).Should().NotContain("Jonas Später");
        (await page.Locator("select[id^='outcome-']").First.InputValueAsync()).Should().Be("bildung", "nothing staff entered is thrown away");
        (await page.AxeViolationsAsync()).Should().BeEmpty();

        // Two minutes before the idle sign-out the console warns, with the way to stay on focused; staying works from the keyboard.
        await page.Clock.FastForwardAsync("28:05");
        await page.Locator("#session-warning").WaitForAsync();
        (await page.EvaluateAsync<string>("document.activeElement.id")).Should().Be("session-stay");
        (await page.Locator("#session-warning").InnerTextAsync()).Should().Contain("in 2 Minuten abgemeldet");
        (await page.AxeViolationsAsync()).Should().BeEmpty();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#session-warning").WaitForAsync(new() { State = WaitForSelectorState.Hidden });

        // Unanswered, the console says the person was signed out and offers to sign in again.
        await page.Clock.FastForwardAsync("30:05");
        await page.Locator("#session-ended").WaitForAsync();
        (await page.EvaluateAsync<string>("document.activeElement.textContent")).Should().Be("Wieder anmelden");
        (await page.AxeViolationsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task An_office_lead_invites_a_colleague_is_told_what_is_missing_takes_her_off_the_office_again_and_reads_who_saw_residents_data()
    {
        var office = await BookableOffice.CreateAsync(Platform, $"Stadtteilbüro Team {Guid.NewGuid():N}");
        var otherOffice = await BookableOffice.CreateAsync(Platform, $"Treffpunkt Fremd {Guid.NewGuid():N}");
        var lead = $"leitung-{Guid.NewGuid():N}@quartier.test";
        await Platform.CreateAsync(lead, "Lara Leitung", office.OfficeId, "Lead");
        await BookAsync(office.ServiceId, await NextSlotAsync(office.ServiceId), "Selin Kaya", "Bewerbung");

        // The lead opens the day (a read of residents' data), then the people page from the console's menu.
        var page = await SignInAsync(lead, $"/staff/offices/{office.OfficeId}");
        await page.FollowAsync("a[href='/staff/people']");
        await ExpectAccessibleAsync(page, "Personen und Rollen");
        (await page.Locator("#office").InnerTextAsync()).Should().Contain(office.Name).And.NotContain(otherOffice.Name, "a lead places people in the offices they lead");
        (await page.Locator("#role option").AllInnerTextsAsync()).Should().Equal(["Team"], "other roles are given by administrators");

        // Without an e-mail address the form comes back and says so, keeping the name; with one, the link to pass on.
        var colleague = $"kollegin-{Guid.NewGuid():N}@quartier.test";
        await page.TypeIntoAsync("#name", "Kim Kollegin");
        await page.SubmitAsync();
        (await page.Locator(".summary").InnerTextAsync()).Should().Contain("E-Mail-Adresse");
        (await page.InputValueAsync("#name")).Should().Be("Kim Kollegin", "nothing typed is lost");
        (await page.AxeViolationsAsync()).Should().BeEmpty();
        await page.TypeIntoAsync("#email", colleague);
        await page.SubmitAsync();
        var link = await page.InputValueAsync("#invitation-link");
        await StaffSession.AcceptInvitationAsync(Platform.Gateway.BaseAddress, link, PlatformFixture.Password);
        await page.GotoAsync(Address("/staff/people"));
        (await page.Locator("tr", new() { HasText = colleague }).InnerTextAsync()).Should().Contain("Aktiv").And.Contain($"{office.Name}: Team");
        (await page.AxeViolationsAsync()).Should().BeEmpty();

        // She moves on: the lead takes her off the office, and the list of the lead's people no longer has her.
        await page.FollowAsync("button[aria-label^='Kim Kollegin aus']");
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Entfernt");
        (await page.Locator("tr", new() { HasText = colleague }).CountAsync()).Should().Be(0);

        // The record of who read residents' data holds the lead's own look at the day, and nothing of the other office.
        await page.FollowAsync("a[href='/staff/access-record']");
        for (var attempt = 0; attempt < 30 && !(await page.Locator("main").InnerTextAsync()).Contains("Terminliste des Tages", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(1000, Cancellation);
            await page.ReloadAsync();
        }

        (await page.Locator("h1").InnerTextAsync()).Should().Be("Wer hat Daten gelesen?");
        (await page.Locator("table").InnerTextAsync()).Should().Contain("Lara Leitung").And.Contain("Terminliste des Tages").And.Contain(office.Name).And.NotContain(otherOffice.Name);
        (await page.AxeViolationsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task An_office_lead_offers_a_service_in_two_languages_is_told_what_is_missing_changes_and_withdraws_it_and_sets_callback_times()
    {
        var office = await BookableOffice.CreateAsync(Platform, $"Stadtteilbüro Angebote {Guid.NewGuid():N}");
        var lead = $"leitung-{Guid.NewGuid():N}@quartier.test";
        await Platform.CreateAsync(lead, "Lutz Leitung", office.OfficeId, "Lead");

        var page = await SignInAsync(lead, $"/staff/offices/{office.OfficeId}");
        await page.FollowAsync($"a[href='/staff/offices/{office.OfficeId}/services']");
        (await page.Locator("h1").InnerTextAsync()).Should().StartWith("Angebote und Rückrufe");
        (await page.AxeViolationsAsync()).Should().BeEmpty();

        // Without a German name and without any way to meet, the form says what is missing and keeps what was typed.
        await page.TickAsync("#channel-InPerson");
        await page.TypeIntoAsync("#name-ar", "مساعدة في طلب السكن");
        await page.SubmitAsync();
        (await page.Locator(".summary").InnerTextAsync()).Should().Contain("Namen auf Deutsch").And.Contain("mindestens eine Art");
        (await page.InputValueAsync("#name-ar")).Should().Be("مساعدة في طلب السكن");
        (await page.AxeViolationsAsync()).Should().BeEmpty();

        await page.TypeIntoAsync("#name-de", "Hilfe beim Wohngeldantrag");
        await page.TickAsync("#channel-Phone");
        await page.FillAsync("#DurationMinutes", "45");
        await page.SubmitAsync();
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Das Angebot ist buchbar");
        var offered = (await Platform.Client.GetFromJsonAsync<List<ServiceView>>($"/api/bookings/offices/{office.OfficeId}/services", Cancellation))!
            .Single(service => service.Names.GetValueOrDefault("de") == "Hilfe beim Wohngeldantrag");
        offered.Should().BeEquivalentTo(new { DurationMinutes = 45, Channels = new[] { "Phone" } });
        offered.Names["ar"].Should().Be("مساعدة في طلب السكن");

        // Two advisers now: the same service, twice at a time; then it is withdrawn and residents can no longer book it.
        await page.FollowAsync($"a[href*='edit={offered.Id}']");
        (await page.InputValueAsync("#name-de")).Should().Be("Hilfe beim Wohngeldantrag", "the form starts from the service as it is");
        await page.FillAsync("#Capacity", "2");
        await page.SubmitAsync();
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Gespeichert");
        (await page.Locator($"#service-{offered.Id:N}").CountAsync()).Should().Be(1);
        (await Platform.Client.GetFromJsonAsync<ServiceView>($"/api/bookings/services/{offered.Id}", Cancellation))!.Capacity.Should().Be(2);
        await page.FollowAsync($"form[action$='/services/{offered.Id}/withdraw'] button");
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("nicht mehr buchbar");
        (await page.Locator($"#service-{offered.Id:N}").CountAsync()).Should().Be(0);

        // Callback windows of ten minutes are refused by the service, in its words at the field; thirty are taken.
        await page.FillAsync("#WindowMinutes", "10");
        await page.Locator("#callbacks ~ form button[type=submit]").FocusAsync();
        await page.SubmitAsync();
        (await page.Locator(".summary").InnerTextAsync()).Should().NotBeEmpty();
        (await page.GetAttributeAsync("#WindowMinutes", "aria-invalid")).Should().Be("true");
        (await page.AxeViolationsAsync()).Should().BeEmpty();
        await page.FillAsync("#WindowMinutes", "30");
        await page.Locator("#callbacks ~ form button[type=submit]").FocusAsync();
        await page.SubmitAsync();
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Rückrufzeiten sind gespeichert");
        (await Platform.Client.GetFromJsonAsync<CallbackOfferView>($"/api/bookings/offices/{office.OfficeId}/callback-settings", Cancellation))!.WindowMinutes.Should().Be(30);
    }

    [Fact]
    public async Task An_office_lead_describes_the_project_area_in_the_directory_and_is_told_when_someone_else_changed_the_entry_meanwhile()
    {
        var office = await BookableOffice.CreateAsync(Platform, $"Stadtteilbüro Eintrag {Guid.NewGuid():N}");
        var lead = $"leitung-{Guid.NewGuid():N}@quartier.test";
        await Platform.CreateAsync(lead, "Lotte Leitung", office.OfficeId, "Lead");

        var page = await SignInAsync(lead, $"/staff/directory/{office.OfficeId}");
        (await page.Locator("h1").InnerTextAsync()).Should().Be(office.Name);
        (await page.AxeViolationsAsync()).Should().BeEmpty();

        // The area with one indicator, typed with a decimal comma; the street emptied by mistake is refused first, nothing typed is lost.
        await page.FillAsync("#Street", string.Empty);
        await page.FillAsync("#AreaName", "Südstadt");
        await page.FillAsync("#Population", "3508");
        await page.FillAsync("#indicator-1-Name", "Anteil Kinder bis 14 Jahre");
        await page.FillAsync("#indicator-1-AreaValue", "15,5");
        await page.FillAsync("#indicator-1-TownValue", "12");
        await page.FillAsync("#indicator-1-Unit", "%");
        await page.SubmitAsync();
        (await page.Locator(".summary").InnerTextAsync()).Should().Contain("Straße");
        (await page.InputValueAsync("#indicator-1-AreaValue")).Should().Be("15,5");
        (await page.AxeViolationsAsync()).Should().BeEmpty();
        await page.FillAsync("#Street", "Käthe-Kollwitz-Straße 20");
        await page.SubmitAsync();
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Gespeichert");
        var saved = await Platform.Client.GetFromJsonAsync<JsonObject>($"/api/offices/{office.OfficeId}", Cancellation);
        ((string?)saved!["projectArea"]!["name"]).Should().Be("Südstadt");
        ((decimal?)saved["projectArea"]!["indicators"]![0]!["areaValue"]).Should().Be(15.5m);
        ((string?)saved["contact"]!["phone"]).Should().Be("+493605555100", "the office's phone went back as it was");

        // Someone else changes the entry while the lead has it open: the save is refused, what the lead typed stays, the current entry can be loaded.
        await page.FillAsync("#Population", "3600");
        using (var read = await Platform.Client.GetAsync(new Uri($"/api/offices/{office.OfficeId}", UriKind.Relative), Cancellation))
        {
            var document = (await read.Content.ReadFromJsonAsync<JsonObject>(Cancellation))!;
            document["kind"] = "Quartiersbüro";
            using var change = new HttpRequestMessage(HttpMethod.Put, $"/api/offices/{office.OfficeId}") { Content = JsonContent.Create(document) };
            change.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.ToString());
            (await Platform.Client.SendAsync(change, Cancellation)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await page.Locator("#Population").FocusAsync();
        await page.SubmitAsync();
        (await page.Locator("[role=alert]").First.InnerTextAsync()).Should().Contain("Jemand anderes hat diesen Eintrag geändert");
        (await page.InputValueAsync("#Population")).Should().Be("3600");
        (await page.AxeViolationsAsync()).Should().BeEmpty();
        await page.FollowAsync($".summary a[href='/staff/directory/{office.OfficeId}']");
        (await page.InputValueAsync("#Kind")).Should().Be("Quartiersbüro");
        (await page.InputValueAsync("#Population")).Should().Be("3508");
    }

    [Fact]
    public async Task An_administrator_registers_an_office_is_told_what_is_wrong_finds_it_in_the_directory_and_closes_it()
    {
        var page = await NewPageAsync("de-DE");
        await page.GotoAsync(Address("/staff/directory"));
        await page.TypeIntoAsync("#Email", PlatformFixture.AdministratorEmail);
        await page.TypeIntoAsync("#Password", PlatformFixture.Password);
        await page.SubmitAsync();
        await page.TypeIntoAsync("#Code", StaffSession.TotpCode(Platform.Administrator.AuthenticatorKey!));
        await page.SubmitAsync();
        await ExpectAccessibleAsync(page, "Verzeichnis der Büros");

        var name = $"Koordinierungsbüro Neu {Guid.NewGuid():N}";
        await page.FollowAsync("a[href='/staff/directory/new']");
        await page.TypeIntoAsync("#Name", name);
        await page.TypeIntoAsync("#Street", "Berliner Straße 92");
        await page.TypeIntoAsync("#PostalCode", "3822");
        await page.TypeIntoAsync("#Town", "Salzgitter");
        await page.SubmitAsync();
        (await page.Locator(".summary").InnerTextAsync()).Should().Contain("fünf Ziffern");
        (await page.InputValueAsync("#Street")).Should().Be("Berliner Straße 92");
        (await page.AxeViolationsAsync()).Should().BeEmpty();
        await page.FillAsync("#PostalCode", "38226");
        await page.SubmitAsync();
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Das Büro ist eingetragen");
        var officeId = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1]);
        (await Platform.Client.GetFromJsonAsync<JsonObject>($"/api/offices/{officeId}", Cancellation))!["federalState"]!.GetValue<string>().Should().Be("DE-NI");

        await page.GotoAsync(Address($"/staff/directory?q={Uri.EscapeDataString(name)}"));
        (await page.Locator("table").InnerTextAsync()).Should().Contain(name).And.Contain("Niedersachsen").And.Contain("Geöffnet");
        (await page.AxeViolationsAsync()).Should().BeEmpty();

        await page.FollowAsync($"a[href='/staff/directory/{officeId}']");
        await page.FollowAsync($"form[action$='/staff/directory/{officeId}/close'] button");
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Das Büro ist geschlossen");
        (await Platform.Client.GetFromJsonAsync<JsonObject>($"/api/offices/{officeId}", Cancellation))!["closedAt"].Should().NotBeNull();
    }

    [Fact]
    public async Task A_coordinator_reads_the_office_s_report_as_a_table_and_a_chart_downloads_it_as_CSV_and_is_told_what_the_programme_report_needs()
    {
        var office = await BookableOffice.CreateAsync(Platform, $"Stadtteilbüro Bericht {Guid.NewGuid():N}");
        var email = $"koordination-{Guid.NewGuid():N}@quartier.test";
        await Platform.CreateAsync(email, "Konrad Koordination", office.OfficeId, "Coordinator");
        var slot = await NextSlotAsync(office.ServiceId);
        await BookAsync(office.ServiceId, slot, "Amal Nasser", "Hausaufgaben");

        var day = DateOnly.FromDateTime(slot.StartsAt.DateTime);
        var query = $"officeId={office.OfficeId}&period=day&date={day:yyyy-MM-dd}";
        for (var waited = TimeSpan.Zero; !(await Platform.Client.GetStringAsync(new Uri($"/api/reporting/fields-of-action?{query}", UriKind.Relative), Cancellation)).Contains("\"zusammenleben\"", StringComparison.Ordinal); waited += TimeSpan.FromMilliseconds(200))
        {
            waited.Should().BeLessThan(PlatformFixture.ArrivalTimeout, "reporting counts the booked appointment under its service's field of action");
            await Task.Delay(200, Cancellation);
        }

        var page = await SignInAsync(email, "/staff/reports");
        await ExpectAccessibleAsync(page, "Berichte");

        await page.TabToAsync("#report");
        await page.Keyboard.TypeAsync("Handlungsfelder");
        await page.TabToAsync("#period");
        await page.Keyboard.TypeAsync("Tag");
        // The browser's own date field orders day and month by the system's locale, not the page's: set its value.
        await page.FillAsync("#date", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.FollowAsync("form.report-choice button");
        (await page.Locator("h2").InnerTextAsync()).Should().Be("Handlungsfelder");
        (await page.Locator("table").InnerTextAsync()).Should().Contain("zusammenleben").And.Contain("Zusammenleben unterschiedlicher");
        (await page.Locator("table th[scope=col]").AllInnerTextsAsync()).Should().Contain(["Handlungsfeld", "Termine gebucht"], "columns are named in the console's language");
        (await page.Locator("svg.chart title").TextContentAsync()).Should().Contain("Tabelle");
        (await page.AxeViolationsAsync()).Should().BeEmpty();

        await page.TabToAsync("a[download]");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Keyboard.PressAsync("Enter"));
        var csv = await File.ReadAllTextAsync(await download.PathAsync(), Cancellation);
        csv.Should().Contain("zusammenleben;Zusammenleben unterschiedlicher sozialer und ethnischer Gruppen;1;", "the export is the service's CSV for German spreadsheets");

        // The programme report is made per project area: the form says so instead of failing.
        await page.TabToAsync("#report");
        await page.Keyboard.TypeAsync("Jahresbericht");
        await page.TabToAsync("#period");
        await page.Keyboard.TypeAsync("Jahr");
        await page.FollowAsync("form.report-choice button");
        (await page.Locator("[role=alert]").InnerTextAsync()).Should().Contain("Wählen Sie unter „Für“ ein Fördergebiet");
        (await page.Locator("#scope").GetAttributeAsync("aria-invalid")).Should().Be("true");
        (await page.AxeViolationsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_coordinator_runs_the_programme_report_for_the_project_area_with_its_indicators_and_downloads_its_CSV()
    {
        var area = $"Oberdorf {Guid.NewGuid():N}"[..17];
        using var created = await Platform.Client.PostAsJsonAsync("/api/offices", new
        {
            name = $"Stadtteilbüro {area}",
            kind = "Stadtteilbüro",
            street = "Käthe-Kollwitz-Straße 20",
            postalCode = "37327",
            town = "Leinefelde-Worbis",
            federalState = "DE-TH",
            languages = new[] { "de" },
            projectArea = new
            {
                name = area,
                population = 3508,
                indicators = new[] { new { name = "Anteil Kinder bis 14 Jahre", areaValue = 15.5m, townValue = 12m, unit = "%" } },
            },
        }, Cancellation);
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var officeId = (await created.Content.ReadFromJsonAsync<IdView>(Cancellation))!.Id;
        for (var waited = TimeSpan.Zero; !(await Platform.Client.GetStringAsync(new Uri("/api/reporting/offices", UriKind.Relative), Cancellation)).Contains(area, StringComparison.Ordinal); waited += TimeSpan.FromMilliseconds(200))
        {
            waited.Should().BeLessThan(PlatformFixture.ArrivalTimeout, "reporting learns the office's project area from its registration");
            await Task.Delay(200, Cancellation);
        }

        var email = $"koordination-{Guid.NewGuid():N}@quartier.test";
        await Platform.CreateAsync(email, "Konrad Koordination", officeId, "Coordinator");
        var page = await SignInAsync(email, "/staff/reports");
        await page.TabToAsync("#report");
        await page.Keyboard.TypeAsync("Jahresbericht");
        await page.TabToAsync("#scope");
        await page.Keyboard.TypeAsync($"Fördergebiet {area}");
        await page.TabToAsync("#period");
        await page.Keyboard.TypeAsync("Jahr");
        await page.FollowAsync("form.report-choice button");

        var report = await page.Locator("main").InnerTextAsync();
        report.Should().Contain("Anteil Kinder bis 14 Jahre").And.Contain("15,5", "the area's indicators as its office announced them, with a decimal comma").And.Contain("3508");
        (await page.AxeViolationsAsync()).Should().BeEmpty();
        await page.TabToAsync("a[download]");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Keyboard.PressAsync("Enter"));
        var csv = await File.ReadAllTextAsync(await download.PathAsync(), Cancellation);
        csv.Should().Contain($"{area};3508;Anteil Kinder bis 14 Jahre;15,5;12;%", "the programme's CSV for German spreadsheets");
    }

    [Fact]
    public async Task Staff_schedule_an_event_in_the_console_see_who_registered_move_it_without_overwriting_a_colleague_are_told_attendance_waits_for_the_start_and_cancel_it()
    {
        var (office, email) = await OfficeWithStaffAsync("Stadtteilbüro Feste", "Fatma Feste");

        var page = await SignInAsync(email, $"/staff/offices/{office.OfficeId}/events");
        (await page.Locator("h1").InnerTextAsync()).Should().StartWith("Veranstaltungen");
        (await page.AxeViolationsAsync()).Should().BeEmpty();

        // Sent empty: the form comes back saying what is missing, next to each field.
        await page.FollowAsync("form.schedule button");
        (await page.Locator(".summary").InnerTextAsync()).Should().Contain("Geben Sie einen Titel an").And.Contain("Geben Sie den Ort an");
        (await page.Locator("#title").GetAttributeAsync("aria-invalid")).Should().Be("true");
        (await page.AxeViolationsAsync()).Should().BeEmpty();

        var startsAt = DateTime.SpecifyKind(DateTime.UtcNow.AddDays(12).Date.AddHours(16), DateTimeKind.Unspecified);
        await page.TypeIntoAsync("#title", "Nachbarschaftscafé");
        await page.TypeIntoAsync("#place", "Gemeinschaftsraum Käthe-Kollwitz-Straße 20");
        // The browser's own date fields order their parts by the system's locale, not the page's: set their values.
        await page.FillAsync("#startsAt", startsAt.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#endsAt", startsAt.AddHours(2).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await page.TypeIntoAsync("#capacity", "12");
        await page.FollowAsync("form.schedule button");
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Die Veranstaltung ist geplant");
        await ExpectAccessibleAsync(page, "Nachbarschaftscafé");
        var eventId = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1]);
        var scheduled = await Platform.Client.GetFromJsonAsync<EventView>($"/api/engagement/events/{eventId}", Cancellation);
        scheduled!.Capacity.Should().Be(12);
        scheduled.StartsAt.Should().Be(new DateTimeOffset(startsAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin").GetUtcOffset(startsAt)), "the time typed is the office's wall clock");

        using var registered = await Platform.Client.PostAsJsonAsync($"/api/engagement/events/{eventId}/registrations",
            new { name = "Nadia Rahimi", phone = "0157 22233344", people = 3, consent = true, consentTextVersion = "2026-12-events" }, Cancellation);
        registered.StatusCode.Should().Be(HttpStatusCode.Created);
        var registrationId = (await registered.Content.ReadFromJsonAsync<IdView>(Cancellation))!.Id;

        await page.GotoAsync(Address($"/staff/events/{eventId}"));
        (await page.Locator("table").InnerTextAsync()).Should().Contain("Nadia Rahimi").And.Contain("Angemeldet");
        (await page.AxeViolationsAsync()).Should().BeEmpty();

        // Moved to another room with fewer places than the three people confirmed: refused at the field; then with 15.
        (await page.InputValueAsync("#place")).Should().StartWith("Gemeinschaftsraum", "the change form starts from the event as planned");
        await page.TypeIntoAsync("#place", "Turnhalle der Grundschule");
        await page.TypeIntoAsync("#capacity", "2");
        await page.FollowAsync("form#event-plan button");
        (await page.Locator(".summary").InnerTextAsync()).Should().Contain("3 Personen sind schon bestätigt");
        (await page.Locator("#capacity").GetAttributeAsync("aria-invalid")).Should().Be("true");
        (await page.InputValueAsync("#place")).Should().Be("Turnhalle der Grundschule", "nothing typed is lost");
        (await page.AxeViolationsAsync()).Should().BeEmpty();

        // Meanwhile a colleague adds a description: saving now would overwrite it, so the page says so and keeps what was typed.
        using (var colleague = await Platform.Client.PutAsJsonAsync($"/api/engagement/events/{eventId}", new
        {
            fieldOfAction = "stadtteilkultur",
            texts = new[] { new { language = "de", title = "Nachbarschaftscafé", description = "Mit Kuchenbuffet" } },
            place = "Gemeinschaftsraum Käthe-Kollwitz-Straße 20",
            startsAt = scheduled.StartsAt,
            endsAt = scheduled.StartsAt.AddHours(2),
            registrationDeadline = scheduled.StartsAt.AddDays(-1),
            capacity = 12,
        }, Cancellation))
        {
            colleague.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await page.TypeIntoAsync("#capacity", "15");
        await page.FollowAsync("form#event-plan button");
        (await page.Locator("[role=alert]").First.InnerTextAsync()).Should().Contain("Jemand anderes hat die Veranstaltung inzwischen geändert");
        (await page.InputValueAsync("#place")).Should().Be("Turnhalle der Grundschule", "nothing typed is lost");
        (await page.AxeViolationsAsync()).Should().BeEmpty();
        await page.FollowAsync($"a[href='/staff/events/{eventId}']");
        (await page.InputValueAsync("#description")).Should().Be("Mit Kuchenbuffet", "the current plan is loaded");
        await page.TypeIntoAsync("#place", "Turnhalle der Grundschule");
        await page.TypeIntoAsync("#capacity", "15");
        await page.FollowAsync("form#event-plan button");
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Gespeichert");
        (await page.Locator("main").InnerTextAsync()).Should().Contain("Turnhalle der Grundschule").And.Contain("12/15");
        var moved = await Platform.Client.GetFromJsonAsync<EventView>($"/api/engagement/events/{eventId}", Cancellation);
        (moved!.Capacity, moved.Place).Should().Be((15, "Turnhalle der Grundschule"));
        moved.StartsAt.Should().Be(scheduled.StartsAt, "the time was left as it was");
        moved.RegistrationDeadline.Should().Be(scheduled.StartsAt.AddDays(-1), "the colleague's deadline, which the form does not show, is kept");

        await page.FollowAsync($"button[aria-describedby='registration-{registrationId:N}']");
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("noch zu früh", "who came is recorded once the event has begun");

        await page.FollowAsync("form[action$='/cancel'] button");
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Die Veranstaltung ist abgesagt");
        (await Platform.Client.GetFromJsonAsync<EventView>($"/api/engagement/events/{eventId}", Cancellation))!.Status.Should().Be("Cancelled");

        // Who came is recorded once an event has begun: one starting in a few seconds, a family of three registered.
        var beginning = DateTimeOffset.UtcNow.AddSeconds(15);
        using var soon = await Platform.Client.PostAsJsonAsync($"/api/engagement/offices/{office.OfficeId}/events", new
        {
            fieldOfAction = "stadtteilkultur",
            texts = new[] { new { language = "de", title = "Spielenachmittag" } },
            place = "Hof",
            startsAt = beginning,
            endsAt = beginning.AddHours(2),
            capacity = 10,
        }, Cancellation);
        soon.StatusCode.Should().Be(HttpStatusCode.Created);
        var soonId = (await soon.Content.ReadFromJsonAsync<IdView>(Cancellation))!.Id;
        using var family = await Platform.Client.PostAsJsonAsync($"/api/engagement/events/{soonId}/registrations",
            new { name = "Familie Haddad", phone = "0157 22233355", people = 3, consent = true, consentTextVersion = "2026-12-events" }, Cancellation);
        family.StatusCode.Should().Be(HttpStatusCode.Created);
        var familyId = (await family.Content.ReadFromJsonAsync<IdView>(Cancellation))!.Id;
        await Task.Delay(beginning - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1), Cancellation);

        await page.GotoAsync(Address($"/staff/events/{soonId}"));
        (await page.Locator("#change").CountAsync()).Should().Be(0, "an event that has begun is no longer changed");
        await page.TypeIntoAsync($"#came-registration-{familyId:N}", "2");
        await page.FollowAsync($"button[aria-describedby='registration-{familyId:N}']");
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Erfasst");
        (await page.Locator($"tr:has(#registration-{familyId:N}) td:last-child").InnerTextAsync()).Should().Be("2");
        (await page.AxeViolationsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task An_office_lead_changes_the_weekly_plan_to_three_periods_on_Mondays_is_told_what_is_wrong_with_it_and_of_a_colleagues_change_and_the_residents_page_follows()
    {
        var office = await BookableOffice.CreateAsync(Platform, $"Stadtteilbüro Zeiten {Guid.NewGuid():N}");
        var email = $"leitung-{Guid.NewGuid():N}@quartier.test";
        await Platform.CreateAsync(email, "Lena Leitung", office.OfficeId, "Lead");

        var page = await SignInAsync(email, $"/staff/offices/{office.OfficeId}/hours");
        (await page.Locator("h1").InnerTextAsync()).Should().StartWith("Öffnungszeiten");
        (await page.InputValueAsync("#Monday-1-opens")).Should().Be("00:00", "the form starts from the plan in force");
        (await page.AxeViolationsAsync()).Should().BeEmpty();

        // Meanwhile a colleague plans the hours from 2030 on: the form opened before that must not be saved blindly.
        using (var colleague = await Platform.Client.PutAsJsonAsync($"/api/bookings/offices/{office.OfficeId}/opening-hours/plans/2030-01-01",
            new { intervals = new[] { new { day = 1, opens = "10:00", closes = "12:00" } } }, Cancellation))
        {
            colleague.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        // Mondays 9–12, 13–14 and 15–17, every other day closed; a Tuesday period without its end is refused first.
        // The browser's own time fields show 12 or 24 hours by the system's locale, not the page's: set their values.
        async Task FillMondaysAsync()
        {
            foreach (var day in Enum.GetNames<DayOfWeek>())
            {
                await page.FillAsync($"#{day}-1-opens", string.Empty);
                await page.FillAsync($"#{day}-1-closes", string.Empty);
            }

            await page.FillAsync("#Monday-1-opens", "09:00");
            await page.FillAsync("#Monday-1-closes", "12:00");
            await page.FillAsync("#Monday-2-opens", "13:00");
            await page.FillAsync("#Monday-2-closes", "14:00");
            await page.FillAsync("#Monday-3-opens", "15:00");
            await page.FillAsync("#Monday-3-closes", "17:00");
        }

        await FillMondaysAsync();
        await page.FillAsync("#Tuesday-2-opens", "15:00");
        await page.FollowAsync("form.plan button");
        (await page.Locator(".summary").InnerTextAsync()).Should().Contain("Dienstag: Ein Zeitraum braucht Beginn und Ende");
        (await page.Locator("#Tuesday-2-closes").GetAttributeAsync("aria-invalid")).Should().Be("true");
        (await page.InputValueAsync("#Monday-3-closes")).Should().Be("17:00", "nothing typed is lost");
        (await page.Locator("#Monday-4-opens").CountAsync()).Should().Be(1, "a day using three periods offers a fourth");
        (await page.AxeViolationsAsync()).Should().BeEmpty();

        await page.FillAsync("#Tuesday-2-opens", string.Empty);
        await page.FollowAsync("form.plan button");
        (await page.Locator("[role=alert]").First.InnerTextAsync()).Should().Contain("Jemand anderes hat die Öffnungszeiten inzwischen geändert");
        (await page.InputValueAsync("#Monday-3-closes")).Should().Be("17:00", "nothing typed is lost");
        (await page.AxeViolationsAsync()).Should().BeEmpty();
        await page.FollowAsync($"a[href='/staff/offices/{office.OfficeId}/hours']");
        (await page.InputValueAsync("#Monday-1-opens")).Should().Be("00:00", "the current hours are loaded");

        await FillMondaysAsync();
        await page.FollowAsync("form.plan button");
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Der Plan ist gespeichert");
        var preview = await page.Locator("table").InnerTextAsync();
        preview.Should().Contain("09:00–12:00, 13:00–14:00, 15:00–17:00").And.Contain("geschlossen").And.NotContain("00:00–23:59");
        (await page.InputValueAsync("#Monday-3-opens")).Should().Be("15:00", "the form shows every period of the plan in force");
        (await page.AxeViolationsAsync()).Should().BeEmpty();

        var residents = await NewPageAsync("de-DE");
        await residents.GotoAsync(Address($"/offices/{office.OfficeId}"));
        (await residents.Locator("table").InnerTextAsync()).Should().Contain("09:00–12:00, 13:00–14:00, 15:00–17:00").And.NotContain("00:00–23:59");
    }

    [Fact]
    public async Task An_office_lead_closes_the_office_for_a_day_and_for_a_holiday_sees_both_in_the_preview_and_lifts_the_closure_again()
    {
        var office = await BookableOffice.CreateAsync(Platform, $"Stadtteilbüro Ferien {Guid.NewGuid():N}");
        var email = $"leitung-{Guid.NewGuid():N}@quartier.test";
        await Platform.CreateAsync(email, "Lena Leitung", office.OfficeId, "Lead");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);

        var page = await SignInAsync(email, $"/staff/offices/{office.OfficeId}/hours");
        // A special day with only an end time is refused; closed all day (both times empty) is taken.
        await page.FillAsync("#specialDate", $"{today.AddDays(2):yyyy-MM-dd}");
        await page.FillAsync("#specialCloses", "12:00");
        await page.FillAsync("#specialReason", "Betriebsausflug");
        await page.SubmitAsync();
        (await page.Locator(".summary").InnerTextAsync()).Should().Contain("Beginn und Ende");
        (await page.InputValueAsync("#specialReason")).Should().Be("Betriebsausflug", "nothing typed is lost");
        (await page.AxeViolationsAsync()).Should().BeEmpty();
        await page.FillAsync("#specialCloses", string.Empty);
        await page.SubmitAsync();
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Der Tag ist gespeichert");

        await page.FillAsync("#closureFrom", $"{today.AddDays(5):yyyy-MM-dd}");
        await page.FillAsync("#closureTo", $"{today.AddDays(6):yyyy-MM-dd}");
        await page.FillAsync("#closureReason", "Sommerferien");
        await page.SubmitAsync();
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Die Schließzeit ist eingetragen");
        var preview = await page.Locator("table").InnerTextAsync();
        preview.Should().Contain("Betriebsausflug").And.Contain("Sommerferien");
        (await page.AxeViolationsAsync()).Should().BeEmpty();

        var residents = await NewPageAsync("de-DE");
        await residents.GotoAsync(Address($"/offices/{office.OfficeId}"));
        (await residents.Locator("main").InnerTextAsync()).Should().Contain("Sommerferien");

        await page.FollowAsync("form[action*='/hours/closures/'] button");
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Die Schließzeit ist aufgehoben");
        (await page.Locator("table").InnerTextAsync()).Should().NotContain("Sommerferien").And.Contain("Betriebsausflug");
    }

    [Fact]
    public async Task An_office_lead_chooses_how_long_residents_data_is_kept_is_told_the_limits_and_returns_to_the_platforms_setting()
    {
        var office = await BookableOffice.CreateAsync(Platform, $"Stadtteilbüro Fristen {Guid.NewGuid():N}");
        await Platform.WaitForAsync<OfficeView>($"/api/engagement/offices/{office.OfficeId}", PlatformFixture.ArrivalTimeout);
        var email = $"leitung-{Guid.NewGuid():N}@quartier.test";
        await Platform.CreateAsync(email, "Lena Leitung", office.OfficeId, "Lead");

        var page = await SignInAsync(email, $"/staff/offices/{office.OfficeId}/retention");
        (await page.Locator("h1").InnerTextAsync()).Should().StartWith("Aufbewahrung");
        (await page.Locator("#appointments-hint").InnerTextAsync()).Should().Be("Jetzt 30 Tage, die Einstellung der Plattform; möglich sind 7 bis 180 Tage.");
        (await page.AxeViolationsAsync()).Should().BeEmpty();

        await page.TypeIntoAsync("#appointments", "3");
        await page.TypeIntoAsync("#volunteers", "60");
        await page.FollowAsync("main form button[type=submit]");
        (await page.Locator(".summary").InnerTextAsync()).Should().Contain("Termine (Tage): bitte eine ganze Zahl von 7 bis 180");
        (await page.Locator("#appointments").GetAttributeAsync("aria-invalid")).Should().Be("true");
        (await page.InputValueAsync("#volunteers")).Should().Be("60", "nothing typed is lost");
        (await page.AxeViolationsAsync()).Should().BeEmpty();

        await page.FillAsync("#appointments", string.Empty);
        await page.TypeIntoAsync("#appointments", "10");
        await page.FollowAsync("main form button[type=submit]");
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Gespeichert");
        (await RetentionAsync("bookings", office.OfficeId)).Should().Contain(new RetentionView("appointments", 10, true)).And.Contain(new RetentionView("callbacks", 30, false));
        (await RetentionAsync("engagement", office.OfficeId)).Should().Contain(new RetentionView("volunteers", 60, true));

        await page.FillAsync("#appointments", string.Empty);
        await page.FollowAsync("main form button[type=submit]");
        (await RetentionAsync("bookings", office.OfficeId)).Should().Contain(new RetentionView("appointments", 30, false), "an empty field returns to the platform's setting");
        (await page.Locator("#appointments-hint").InnerTextAsync()).Should().Contain("Einstellung der Plattform");
    }

    private async Task<List<RetentionView>> RetentionAsync(string service, Guid officeId) =>
        (await Platform.Client.GetFromJsonAsync<List<RetentionView>>($"/api/{service}/offices/{officeId}/retention", Cancellation))!;

    private sealed record RetentionView(string Kind, int Days, bool OwnChoice);

    [Fact]
    public async Task Staff_approve_a_volunteer_who_signed_up_and_pause_them_later()
    {
        var (office, email) = await OfficeWithStaffAsync("Stadtteilbüro Ehrenamt", "Emil Ehrenamt");
        using var signedUp = await Platform.Client.PostAsJsonAsync($"/api/engagement/offices/{office.OfficeId}/volunteers", StaffAccounts.VolunteerSignUp("0157 44455566"), Cancellation);
        signedUp.StatusCode.Should().Be(HttpStatusCode.Created);
        var volunteerId = (await signedUp.Content.ReadFromJsonAsync<IdView>(Cancellation))!.Id;

        var page = await SignInAsync(email, $"/staff/offices/{office.OfficeId}/volunteers");
        (await page.Locator("h1").InnerTextAsync()).Should().StartWith("Ehrenamtliche");
        var item = $"#volunteer-{volunteerId:N}";
        (await page.Locator(item).InnerTextAsync()).Should().Contain("Hanna Schulz").And.Contain("wartet auf Freigabe");
        (await page.Locator("main").InnerTextAsync()).Should().Contain("hausaufgabenhilfe").And.Contain("Ukrainisch").And.Contain("Di 15:00–17:00");
        (await page.AxeViolationsAsync()).Should().BeEmpty();

        await page.FollowAsync($"form[action$='{volunteerId}/approve'] button");
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Freigegeben");
        (await page.Locator(item).InnerTextAsync()).Should().Contain("freigegeben");
        await page.FollowAsync($"form[action$='{volunteerId}/pause'] button");
        (await page.Locator(item).InnerTextAsync()).Should().Contain("pausiert");
        (await page.AxeViolationsAsync()).Should().BeEmpty();
        (await Platform.Client.GetFromJsonAsync<VolunteerView>($"/api/engagement/volunteers/{volunteerId}", Cancellation))!.Status.Should().Be("Paused");
    }

    [Fact]
    public async Task Staff_create_a_role_add_a_shift_sign_up_a_suggested_volunteer_record_who_came_form_a_tandem_and_log_hours()
    {
        var (office, email) = await OfficeWithStaffAsync("Stadtteilbüro Engagement", "Edda Engagement");
        using var signedUp = await Platform.Client.PostAsJsonAsync($"/api/engagement/offices/{office.OfficeId}/volunteers", StaffAccounts.VolunteerSignUp("0157 44455577"), Cancellation);
        signedUp.StatusCode.Should().Be(HttpStatusCode.Created);
        var volunteerId = (await signedUp.Content.ReadFromJsonAsync<IdView>(Cancellation))!.Id;
        using (var approved = await Platform.Client.PostAsync(new Uri($"/api/engagement/volunteers/{volunteerId}/approve", UriKind.Relative), null, Cancellation))
        {
            approved.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        // A role: sent without its title first.
        var page = await SignInAsync(email, $"/staff/offices/{office.OfficeId}/engagement");
        (await page.Locator("h1").InnerTextAsync()).Should().StartWith("Einsatzbereiche und Schichten");
        (await page.AxeViolationsAsync()).Should().BeEmpty();
        await page.TypeIntoAsync("#skills", "Hausaufgabenhilfe, Mathe");
        await page.FollowAsync("form.schedule button");
        (await page.Locator(".summary").InnerTextAsync()).Should().Contain("Geben Sie eine Bezeichnung an");
        (await page.InputValueAsync("#skills")).Should().Be("Hausaufgabenhilfe, Mathe", "nothing typed is lost");
        (await page.AxeViolationsAsync()).Should().BeEmpty();
        await page.TypeIntoAsync("#title", "Hausaufgabenhilfe");
        await page.FollowAsync("form.schedule button");
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Der Einsatzbereich ist angelegt");
        await ExpectAccessibleAsync(page, "Hausaufgabenhilfe");

        // A shift on the next Tuesday 15–17, when she can: sent without the number needed first.
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, berlin).DateTime);
        var tuesday = today.AddDays(((int)DayOfWeek.Tuesday - (int)today.DayOfWeek + 7) % 7 + 7);
        await page.FillAsync("#date", $"{tuesday:yyyy-MM-dd}");
        await page.FillAsync("#from", "15:00");
        await page.FillAsync("#to", "17:00");
        await page.TypeIntoAsync("#needed", " ");
        await page.FollowAsync("form.record button");
        (await page.Locator(".summary").InnerTextAsync()).Should().Contain("wie viele Personen gebraucht werden");
        await page.TypeIntoAsync("#needed", "2");
        await page.FollowAsync("form.record button");
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Die Schicht ist angelegt");
        (await page.Locator("h1").InnerTextAsync()).Should().Contain("15:00");
        (await page.Locator("main").InnerTextAsync()).Should().Contain("0 von 2 Plätzen besetzt");
        (await page.Locator($"#suggestion-{volunteerId:N}").InnerTextAsync()).Should().Contain("Hanna Schulz");
        (await page.Locator("ol.queue").InnerTextAsync()).Should().Contain("hausaufgabenhilfe", "the skills that match are named");
        (await page.AxeViolationsAsync()).Should().BeEmpty();
        await page.FollowAsync($"button[aria-describedby='suggestion-{volunteerId:N}']");
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Eingetragen");
        (await page.Locator($"#signed-up-{volunteerId:N}").InnerTextAsync()).Should().Be("Hanna Schulz");
        (await page.Locator("main").InnerTextAsync()).Should().Contain("1 von 2 Plätzen besetzt");
        (await page.Locator($"#suggestion-{volunteerId:N}").CountAsync()).Should().Be(0, "who holds the shift is no suggestion any more");
        await page.FollowAsync("main p a[href*='/opportunities/']");
        (await page.Locator("table").InnerTextAsync()).Should().Contain("1").And.Contain("15:00");
        (await page.AxeViolationsAsync()).Should().BeEmpty();

        // Who came is recorded once a shift has begun: one starting in a few seconds, which she took.
        var opportunityId = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1]);
        var startsAt = DateTimeOffset.UtcNow.AddSeconds(15);
        using var soon = await Platform.Client.PostAsJsonAsync($"/api/engagement/opportunities/{opportunityId}/shifts", new { startsAt, endsAt = startsAt.AddHours(2), needed = 1 }, Cancellation);
        soon.StatusCode.Should().Be(HttpStatusCode.Created);
        var soonId = (await soon.Content.ReadFromJsonAsync<IdView>(Cancellation))!.Id;
        using (var taken = await Platform.Client.PostAsJsonAsync($"/api/engagement/shifts/{soonId}/sign-ups", new { volunteerId }, Cancellation))
        {
            taken.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        await Task.Delay(startsAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1), Cancellation);
        await page.GotoAsync(Address($"/staff/offices/{office.OfficeId}/shifts/{soonId}"));
        (await page.AxeViolationsAsync()).Should().BeEmpty();
        await page.FollowAsync($"button[aria-describedby='signed-up-{volunteerId:N}'][value=true]");
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Erfasst");
        (await page.Locator("ul.queue li").InnerTextAsync()).Should().Be("Hanna Schulz: war da");

        // A tandem: sent without a partner first; then ended again.
        await page.GotoAsync(Address($"/staff/offices/{office.OfficeId}/tandems"));
        (await page.Locator("h1").InnerTextAsync()).Should().StartWith("Tandems");
        (await page.AxeViolationsAsync()).Should().BeEmpty();
        await page.TabToAsync("#volunteerId");
        await page.Keyboard.TypeAsync("Hanna");
        await page.TypeIntoAsync("#purpose", "Lesepatenschaft");
        await page.FollowAsync("form.record button");
        (await page.Locator(".summary").InnerTextAsync()).Should().Contain("mit wem das Tandem ist");
        (await page.InputValueAsync("#volunteerId")).Should().Be(volunteerId.ToString());
        (await page.AxeViolationsAsync()).Should().BeEmpty();
        await page.TypeIntoAsync("#partnerName", "Samir");
        await page.FollowAsync("form.record button");
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Das Tandem ist gebildet");
        (await page.Locator("ul.queue").InnerTextAsync()).Should().Contain("Hanna Schulz – Samir: Lesepatenschaft");
        (await page.AxeViolationsAsync()).Should().BeEmpty();
        await page.FollowAsync("form[action*='/tandems/'] button");
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Das Tandem ist beendet");
        (await page.Locator("main").InnerTextAsync()).Should().Contain("Keine laufenden Tandems");

        // Hours given outside a shift, with a decimal comma; too many refused first.
        await page.GotoAsync(Address($"/staff/offices/{office.OfficeId}/volunteer-hours"));
        (await page.Locator("h1").InnerTextAsync()).Should().StartWith("Ehrenamtsstunden");
        (await page.AxeViolationsAsync()).Should().BeEmpty();
        await page.TabToAsync("#volunteerId");
        await page.Keyboard.TypeAsync("Hanna");
        await page.TypeIntoAsync("#hours", "30");
        await page.FollowAsync("form.record[method=post] button");
        (await page.Locator(".summary").InnerTextAsync()).Should().Contain("zwischen 0,25 und 24");
        await page.TypeIntoAsync("#hours", "1,5");
        await page.FollowAsync("form.record[method=post] button");
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Die Stunden sind eingetragen");
        (await page.Locator("main").InnerTextAsync()).Should().Contain("Zusammen 3,5 Stunden", "the two hours of the shift she came to count too");
        (await page.Locator("table").First.InnerTextAsync()).Should().Contain("Hanna Schulz").And.Contain("3,5");
        (await page.AxeViolationsAsync()).Should().BeEmpty();
    }

    /// <summary>An office that Bookings and Engagement know, and a member of staff of it (their e-mail; the password is the fixture's).</summary>
    private async Task<(BookableOffice Office, string Email)> OfficeWithStaffAsync(string officeName, string person)
    {
        var office = await BookableOffice.CreateAsync(Platform, $"{officeName} {Guid.NewGuid():N}");
        await Platform.WaitForAsync<System.Text.Json.JsonElement>($"/api/engagement/offices/{office.OfficeId}", PlatformFixture.ArrivalTimeout);
        var email = $"staff-{Guid.NewGuid():N}@quartier.test";
        await Platform.CreateAsync(email, person, office.OfficeId, "Staff");
        return (office, email);
    }

    /// <summary>Opens a console page in a new browser and signs in on the way there, with the keyboard.</summary>
    private async Task<IPage> SignInAsync(string email, string path)
    {
        var page = await NewPageAsync("de-DE");
        await page.GotoAsync(Address(path));
        await page.TypeIntoAsync("#Email", email);
        await page.TypeIntoAsync("#Password", PlatformFixture.Password);
        await page.SubmitAsync();
        return page;
    }

    private async Task<SlotView> NextSlotAsync(Guid serviceId)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var slots = (await Platform.Client.GetFromJsonAsync<List<SlotView>>(
            $"/api/bookings/services/{serviceId}/slots?channel=InPerson&from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}", Cancellation))!;
        return slots.Where(s => s.StartsAt > DateTimeOffset.UtcNow.AddMinutes(1)).MinBy(s => s.StartsAt)!;
    }

    private async Task<Guid> BookAsync(Guid serviceId, SlotView slot, string name, string topic)
    {
        using var booked = await Platform.Client.PostAsJsonAsync("/api/bookings/appointments", new
        {
            serviceId,
            startsAt = slot.StartsAt,
            channel = "InPerson",
            name,
            phone = "+49 3605 555123",
            language = "tr",
            interpreterNeeded = false,
            topic,
            consent = new { textVersion = "2026-12-appointments", givenAt = DateTimeOffset.UtcNow },
        }, Cancellation);
        booked.StatusCode.Should().Be(HttpStatusCode.Created, await booked.Content.ReadAsStringAsync(Cancellation));
        return (await booked.Content.ReadFromJsonAsync<BookedView>(Cancellation))!.AppointmentId;
    }

    private async Task<CallbackView> RequestCallbackAsync(Guid officeId, string phone, string topic)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var windows = (await Platform.Client.GetFromJsonAsync<List<SlotView>>($"/api/bookings/offices/{officeId}/callback-windows?from={today:yyyy-MM-dd}&to={today.AddDays(2):yyyy-MM-dd}", Cancellation))!;
        using var requested = await Platform.Client.PostAsJsonAsync($"/api/bookings/offices/{officeId}/callbacks", new
        {
            windowStartsAt = windows.First(w => w.StartsAt > DateTimeOffset.UtcNow).StartsAt,
            phone,
            language = "ru",
            topic,
            consent = new { textVersion = "2026-12-appointments", givenAt = DateTimeOffset.UtcNow },
        }, Cancellation);
        requested.StatusCode.Should().Be(HttpStatusCode.Created, await requested.Content.ReadAsStringAsync(Cancellation));
        return (await requested.Content.ReadFromJsonAsync<CallbackView>(Cancellation))!;
    }

    private async Task<List<DayEntry>> DayListAsync(Guid officeId, DateOnly day) =>
        (await Platform.Client.GetFromJsonAsync<List<DayEntry>>($"/api/bookings/offices/{officeId}/appointments?date={day:yyyy-MM-dd}", Cancellation))!;

    private async Task<string> ResidentsCallbackStatusAsync(string managementUrl) =>
        (await Platform.Client.GetFromJsonAsync<CallbackStatusView>(new Uri(managementUrl, UriKind.Relative), Cancellation))!.Status;

    private sealed record SlotView(DateTimeOffset StartsAt);

    private sealed record EventView(int Capacity, DateTimeOffset StartsAt, string Status, string Place, DateTimeOffset RegistrationDeadline);

    private sealed record IdView(Guid Id);

    private sealed record VolunteerView(string Status);

    private sealed record BookedView(Guid AppointmentId);

    private sealed record CallbackView(Guid CallbackId, string ManagementUrl);

    private sealed record CallbackStatusView(string Status);

    private sealed record DayEntry(Guid AppointmentId, string Status, string? OutcomeFieldOfAction, bool? ReferredToOtherOrganisation);

    private sealed record ServiceView(Guid Id, Dictionary<string, string> Names, int DurationMinutes, List<string> Channels, int Capacity);

    private sealed record CallbackOfferView(int WindowMinutes);
}
