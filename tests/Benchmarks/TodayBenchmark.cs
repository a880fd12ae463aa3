using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Quartier.Contracts.Offices;
using Quartier.Testing;

namespace Quartier.Benchmarks;

/// <summary>
/// The console's day page ("Today") as office staff open it, on the whole platform the AppHost starts
/// with its demo data: the demo office in Salzgitter gets a day with many appointments and callback
/// requests (booked through the public API), then a member of its staff signs in in Chromium and the
/// page is asked for again and again with that session. Beside it, in the same run and alternating
/// with it, the same page for a day without appointments (the baseline: sign-in, office, services,
/// counters and the same callback queue).
/// </summary>
public sealed partial class TodayBenchmark : IBenchmark
{
    private const string Lead = "leitung.salzgitter@demo.quartier";
    private const string Staff = "team.salzgitter@demo.quartier";

    private static readonly string[] Names = ["Amina Yilmaz", "Olena Kovalenko", "Leyla Demir", "Jonas Becker", "Fatima Haddad", "Dmytro Bondarenko", "Maria Nowak", "Hassan Rahimi"];
    private static readonly string[] Languages = ["de", "ar", "tr", "uk", "ru", "fa"];

    public string Name => "today";

    public string Description => "the console's day page with N appointments and M callbacks (default 150 50) vs a day without appointments";

    public async Task RunAsync(string[] args)
    {
        var appointments = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 150;
        var callbacks = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
        var requests = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200;
        await using var platform = await DemoPlatform.StartAsync();
        var gateway = platform.Gateway;
        var office = DemoOfficeIds.Salzgitter;

        using var lead = await StaffSession.SignInAsync(gateway, Lead, DemoPlatform.StaffPassword);
        using var api = new HttpClient { BaseAddress = gateway };
        var (busy, quiet) = await FillADayAsync(api, lead, office, appointments, callbacks);

        var cookies = await SignInInChromiumAsync(gateway);
        using var handler = new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.All };
        using var staff = new HttpClient(handler) { BaseAddress = gateway };
        staff.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de-DE");
        var busyPage = $"/staff/offices/{office}?date={busy:yyyy-MM-dd}";
        var quietPage = $"/staff/offices/{office}?date={quiet:yyyy-MM-dd}";

        var shown = await PageAsync(staff, busyPage);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"day page of {busy:yyyy-MM-dd}: {AppointmentRow().Count(shown.Body)} appointments, {CallbackItem().Count(shown.Body)} callbacks in the queue, {shown.Body.Length / 1024.0:0.0} KiB of HTML"));
        for (var warmUp = 0; warmUp < 20; warmUp++)
        {
            await PageAsync(staff, busyPage);
            await PageAsync(staff, quietPage);
        }

        var (withDay, withoutDay) = (new List<double>(), new List<double>());
        for (var request = 0; request < requests; request++)
        {
            withoutDay.Add((await PageAsync(staff, quietPage)).Milliseconds);
            withDay.Add((await PageAsync(staff, busyPage)).Milliseconds);
        }

        Console.WriteLine("server time of the day page (loopback through the gateway, to the last byte; one request at a time, alternating)");
        Console.WriteLine($"  a day without appointments (baseline)      {new Percentiles(withoutDay)}");
        Console.WriteLine($"  {appointments} appointments, {callbacks} callbacks{string.Empty,-10} {new Percentiles(withDay)}");
        Console.WriteLine("  (target: p99 <= 200 ms with 150 appointments and 50 callbacks)");
    }

    /// <summary>
    /// Opens the office every day from a week ahead, 07:00-21:00, with a service of six places per half
    /// hour and callback windows of ten, and books the first such day full enough; the next day stays without appointments.
    /// </summary>
    private static async Task<(DateOnly Busy, DateOnly Quiet)> FillADayAsync(HttpClient api, StaffSession lead, Guid office, int appointments, int callbacks)
    {
        var from = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);
        var everyDay = new { intervals = Enumerable.Range(0, 7).Select(day => new { day, opens = "07:00", closes = "21:00" }) };
        await SendAsync(api, lead.Authorized(HttpMethod.Put, $"/api/bookings/offices/{office}/opening-hours/plans/{from:yyyy-MM-dd}", everyDay));
        var service = await SendAsync(api, lead.Authorized(HttpMethod.Post, $"/api/bookings/offices/{office}/services", new
        {
            names = new Dictionary<string, string> { ["de"] = "Sprechstunde", ["en"] = "Consultation" },
            durationMinutes = 30,
            channels = new[] { "InPerson", "Phone", "Video" },
            fieldOfAction = "zusammenleben",
            capacity = 6,
        }));
        var serviceId = service.GetProperty("id").GetGuid();
        await SendAsync(api, lead.Authorized(HttpMethod.Put, $"/api/bookings/offices/{office}/callback-settings", new { windowMinutes = 60, capacityPerWindow = 10, minimumNoticeMinutes = 0 }));

        for (var day = from; day < from.AddDays(14); day = day.AddDays(1))
        {
            var slots = await api.GetFromJsonAsync<List<Slot>>($"/api/bookings/services/{serviceId}/slots?channel=InPerson&from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}");
            if (slots!.Sum(slot => slot.FreeSeats) < appointments)
            {
                continue; // a public holiday
            }

            // One after another: the benchmark measures the page, not the booking race.
            var seats = slots!.SelectMany(slot => Enumerable.Repeat(slot.StartsAt, slot.FreeSeats)).Take(appointments).ToList();
            foreach (var (startsAt, index) in seats.Select((startsAt, index) => (startsAt, index)))
            {
                await SendAsync(api, new HttpRequestMessage(HttpMethod.Post, "/api/bookings/appointments")
                {
                    Content = JsonContent.Create(new
                    {
                        serviceId, startsAt, channel = "InPerson",
                        name = Names[index % Names.Length], phone = "+49 5341 555" + (100 + index).ToString(CultureInfo.InvariantCulture),
                        language = Languages[index % Languages.Length], interpreterNeeded = index % 4 == 0, topic = "Wohngeld, Antrag und Unterlagen",
                        consent = new { textVersion = "2026-12-b-appointments" },
                    }),
                });
            }

            var windows = await api.GetFromJsonAsync<List<Window>>($"/api/bookings/offices/{office}/callback-windows?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}");
            foreach (var (window, index) in windows!.SelectMany(window => Enumerable.Repeat(window.StartsAt, window.FreePlaces)).Take(callbacks).Select((window, index) => (window, index)))
            {
                await SendAsync(api, new HttpRequestMessage(HttpMethod.Post, $"/api/bookings/offices/{office}/callbacks")
                {
                    Content = JsonContent.Create(new
                    {
                        windowStartsAt = window, phone = "+49 5341 556" + (100 + index).ToString(CultureInfo.InvariantCulture),
                        language = Languages[index % Languages.Length], topic = "Rückruf wegen Kita-Platz",
                        consent = new { textVersion = "2026-12-b-appointments" },
                    }),
                });
            }

            return (day, day.AddDays(1));
        }

        throw new InvalidOperationException("No day in the next three weeks has room for the appointments.");
    }

    /// <summary>Signs in as staff the way people do, in Chromium, and hands the console's cookies on.</summary>
    private static async Task<CookieContainer> SignInInChromiumAsync(Uri gateway)
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = await chromium.NewPageAsync(new BrowserNewContextOptions { Locale = "de-DE" });
        await page.GotoAsync(new Uri(gateway, "/staff").ToString());
        await page.Locator("#Email").FillAsync(Staff);
        await page.Locator("#Password").FillAsync(DemoPlatform.StaffPassword);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/staff");
        var container = new CookieContainer();
        foreach (var cookie in await page.Context.CookiesAsync())
        {
            container.Add(new System.Net.Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }

        return container;
    }

    private static async Task<(double Milliseconds, string Body)> PageAsync(HttpClient client, string path)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        return response.StatusCode == HttpStatusCode.OK
            ? (elapsed, body)
            : throw new InvalidOperationException($"{path} answered {response.StatusCode}");
    }

    private static async Task<JsonElement> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{request.Method} {request.RequestUri} answered {response.StatusCode}: {body}");
            }

            return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
        }
    }

    private sealed record Slot(DateTimeOffset StartsAt, int FreeSeats);

    private sealed record Window(DateTimeOffset StartsAt, int FreePlaces);

    [GeneratedRegex("""<th scope="row" id="appointment-""")]
    private static partial Regex AppointmentRow();

    [GeneratedRegex("""<h3 id="callback-""")]
    private static partial Regex CallbackItem();
}
