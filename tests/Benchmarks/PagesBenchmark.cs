using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Quartier.Testing;

namespace Quartier.Benchmarks;

/// <summary>
/// The resident pages as residents meet them, on the whole platform the AppHost starts with its demo
/// data: the bytes a whole booking moves (start page to confirmation, in Debian's Chromium, cold
/// cache) beside the same content uncompressed; Lighthouse's mobile scores (npm lighthouse, pinned)
/// for the start, office, booking and confirmation pages beside the plainest page (the imprint);
/// and the server's time per page while many residents book at once, beside one resident at a time.
/// </summary>
public sealed partial class PagesBenchmark : IBenchmark
{
    private const string LighthouseVersion = "12.2.3";

    public string Name => "pages";

    public string Description => "resident pages: bytes of a whole booking, Lighthouse mobile scores, server time per page with N residents booking at once vs one (default 50)";

    public async Task RunAsync(string[] args)
    {
        var residents = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50;
        await using var platform = await DemoPlatform.StartAsync();
        var gateway = platform.Gateway;
        using var client = new HttpClient { BaseAddress = gateway };
        var (officeId, serviceId) = await DemoOfficeAsync(client);
        var bookingPage = $"/book/{serviceId}?channel=InPerson";

        var confirmation = await TransferOfOneBookingAsync(gateway, officeId, bookingPage);
        await LighthouseAsync(gateway, [("start", "/"), ("office", $"/offices/{officeId}"), ("booking", bookingPage), ("confirmation", confirmation)]);
        await ServerTimeAsync(gateway, officeId, bookingPage, residents);
    }

    /// <summary>The demo office residents book at (Stadtteilbüro Südstadt) and its first service in person.</summary>
    private static async Task<(Guid Office, Guid Service)> DemoOfficeAsync(HttpClient client)
    {
        var offices = await client.GetFromJsonAsync<JsonElement>("/api/offices?q=S%C3%BCdstadt");
        var officeId = offices.GetProperty("items")[0].GetProperty("id").GetGuid();
        var services = await client.GetFromJsonAsync<JsonElement>($"/api/bookings/offices/{officeId}/services");
        var service = services.EnumerateArray().First(s => s.GetProperty("channels").EnumerateArray().Any(c => c.GetString() == "InPerson"));
        return (officeId, service.GetProperty("id").GetGuid());
    }

    /// <summary>One resident's booking in a fresh browser: every response's bytes on the wire and its content's size.</summary>
    private static async Task<string> TransferOfOneBookingAsync(Uri gateway, Guid officeId, string bookingPage)
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = await chromium.NewPageAsync(new BrowserNewContextOptions { Locale = "de-DE", ViewportSize = new ViewportSize { Width = 360, Height = 740 }, IsMobile = true });
        var finished = new List<IRequest>();
        page.RequestFinished += (_, request) => finished.Add(request);

        await page.GotoAsync(new Uri(gateway, "/").ToString());
        await page.Locator("#q").FillAsync("Leinefelde");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/?q=*");
        await page.Locator($"a[href='/offices/{officeId}']").First.ClickAsync();
        await page.WaitForURLAsync($"**/offices/{officeId}");
        await page.Locator($"a[href='{bookingPage}'], a[href^='/book/']").First.ClickAsync();
        await page.WaitForURLAsync("**/book/**");
        if (!page.Url.Contains("channel=", StringComparison.Ordinal))
        {
            await page.GotoAsync(new Uri(gateway, bookingPage).ToString());
        }

        await page.Locator("ul.times a").First.ClickAsync();
        await page.WaitForURLAsync("**/details?**");
        await page.Locator("#name").FillAsync("Amira Saleh");
        await page.Locator("#email").FillAsync("amira@example.org");
        await page.Locator("#consent").CheckAsync();
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/appointment/**");

        // The same answers again without compression: what the wire would carry without it.
        using var uncompressed = new HttpClient { BaseAddress = gateway };
        long wire = 0, content = 0;
        foreach (var request in finished)
        {
            var sizes = await request.SizesAsync();
            wire += sizes.ResponseHeadersSize + sizes.ResponseBodySize;
            if (request.Method == "GET")
            {
                content += sizes.ResponseHeadersSize + (await uncompressed.GetByteArrayAsync(new Uri(request.Url))).Length;
            }
        }

        Console.WriteLine("one booking, start page to confirmation (Chromium, 360-pixel phone, cold cache)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {finished.Count} responses, on the wire (headers + bodies as sent)    {wire / 1024.0,7:0.0} KiB   (target <= 150 KB)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  the GET answers again, uncompressed (baseline)           {content / 1024.0,7:0.0} KiB"));
        Console.WriteLine();
        return new Uri(page.Url).PathAndQuery;
    }

    /// <summary>Lighthouse's mobile run (simulated slow 4G, 4x slower CPU) of each page, beside the plainest page.</summary>
    private static async Task LighthouseAsync(Uri gateway, IReadOnlyList<(string Name, string Path)> pages)
    {
        var cli = await LighthouseCliAsync();
        Console.WriteLine($"Lighthouse {LighthouseVersion}, mobile          performance  accessibility   FCP      LCP      TBT    CLS    bytes");
        foreach (var (name, path) in pages.Prepend(("imprint (baseline)", "/imprint")))
        {
            var report = await RunLighthouseAsync(cli, new Uri(gateway, path));
            var categories = report.GetProperty("categories");
            var audits = report.GetProperty("audits");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-28} {Score(categories, "performance"),8}     {Score(categories, "accessibility"),8}    {Metric(audits, "first-contentful-paint"),6:0} ms {Metric(audits, "largest-contentful-paint"),6:0} ms {Metric(audits, "total-blocking-time"),4:0} ms {Metric(audits, "cumulative-layout-shift"),5:0.000} {Metric(audits, "total-byte-weight") / 1024,6:0.0} KiB"));
        }

        Console.WriteLine("  (targets: performance >= 95, accessibility 100)");
        Console.WriteLine();
    }

    private static string Score(JsonElement categories, string category) =>
        categories.GetProperty(category).GetProperty("score") is { ValueKind: JsonValueKind.Number } score
            ? (score.GetDouble() * 100).ToString("0", CultureInfo.InvariantCulture)
            : "n/a";

    private static double Metric(JsonElement audits, string audit) =>
        audits.TryGetProperty(audit, out var found) && found.TryGetProperty("numericValue", out var value) ? value.GetDouble() : double.NaN;

    /// <summary>npm's lighthouse, pinned, installed once in the user's cache (it runs on Node 20 and Debian's Chromium).</summary>
    private static async Task<string> LighthouseCliAsync()
    {
        var directory = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "quartier-benchmarks", $"lighthouse-{LighthouseVersion}");
        var cli = Path.Combine(directory, "node_modules", "lighthouse", "cli", "index.js");
        if (!File.Exists(cli))
        {
            Directory.CreateDirectory(directory);
            var (exit, _, error) = await RunAsync("npm", $"install --no-audit --no-fund --save-exact --prefix \"{directory}\" lighthouse@{LighthouseVersion}", directory);
            if (exit != 0)
            {
                throw new InvalidOperationException($"npm could not install lighthouse {LighthouseVersion}: {error}");
            }
        }

        return cli;
    }

    private static async Task<JsonElement> RunLighthouseAsync(string cli, Uri address)
    {
        var (exit, output, error) = await RunAsync("node",
            $"\"{cli}\" \"{address}\" --output=json --output-path=stdout --quiet --only-categories=performance,accessibility --form-factor=mobile "
            + "--chrome-flags=\"--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage\"",
            Environment.CurrentDirectory,
            ("CHROME_PATH", "/usr/bin/chromium"));
        return exit == 0
            ? JsonDocument.Parse(output).RootElement.Clone()
            : throw new InvalidOperationException($"lighthouse failed on {address}: {error}");
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string file, string arguments, string directory, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    /// <summary>
    /// Residents booking without a browser, each with its own cookies: start page, office page, times,
    /// details form, the booking posted (antiforgery token and all) and the confirmation it leads to.
    /// The time to the last byte of each answer on loopback is the server's time for the page. Three
    /// runs: one resident after another (the baseline); all at once, each reading and typing for 1-3 s
    /// between pages as people do; and all at once without a pause, every click at the same instant.
    /// </summary>
    private static async Task ServerTimeAsync(Uri gateway, Guid officeId, string bookingPage, int residents)
    {
        Console.WriteLine("server time per page (loopback, to the last byte of the answer; after 5 bookings to warm up)");
        for (var resident = 0; resident < 5; resident++)
        {
            await BookAsync(gateway, officeId, bookingPage, new PageTimes(), resident + 900, pause: false);
        }

        var alone = new PageTimes();
        for (var resident = 0; resident < 20; resident++)
        {
            await BookAsync(gateway, officeId, bookingPage, alone, resident, pause: false);
        }

        var paced = new PageTimes();
        await Task.WhenAll(Enumerable.Range(1000, residents).Select(resident => BookAsync(gateway, officeId, bookingPage, paced, resident, pause: true)));
        var burst = new PageTimes();
        await Task.WhenAll(Enumerable.Range(2000, residents).Select(resident => BookAsync(gateway, officeId, bookingPage, burst, resident, pause: false)));

        var runs = new[] { ("one at a time (baseline)", alone), ($"{residents} at once, 1-3 s per page", paced), ($"{residents} at once, no pause", burst) };
        foreach (var step in PageTimes.Steps)
        {
            Console.WriteLine($"  {step}");
            foreach (var (label, times) in runs)
            {
                Console.WriteLine($"    {label,-30} {times.Of(step)}");
            }
        }

        Console.WriteLine("  every page (target: p99 <= 100 ms with 50 residents booking)");
        foreach (var (label, times) in runs)
        {
            Console.WriteLine($"    {label,-30} {times.All()}; booked {times.Booked}, time taken meanwhile {times.Taken}, refused otherwise {times.Refused}");
        }
    }

    private static async Task BookAsync(Uri gateway, Guid officeId, string bookingPage, PageTimes times, int resident, bool pause)
    {
        using var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.All };
        using var client = new HttpClient(handler) { BaseAddress = gateway };
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de-DE");
        async Task ReadAsync()
        {
            if (pause)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1000, 3000)));
            }
        }

        // Paced residents arrive within the first seconds, as people do, not all in the same millisecond.
        await ReadAsync();
        await times.GetAsync(client, "start", "/");
        await ReadAsync();
        await times.GetAsync(client, "office", $"/offices/{officeId}");
        await ReadAsync();
        var slots = TimeLink().Matches(await times.GetAsync(client, "times", bookingPage)).Select(match => WebUtility.HtmlDecode(match.Groups[1].Value)).ToList();
        await ReadAsync();
        var details = slots[Random.Shared.Next(slots.Count)];
        var form = await times.GetAsync(client, "details", details);
        await ReadAsync();

        var fields = HiddenInput().Matches(form).ToDictionary(match => WebUtility.HtmlDecode(match.Groups[1].Value), match => WebUtility.HtmlDecode(match.Groups[2].Value));
        fields["Form.Name"] = string.Create(CultureInfo.InvariantCulture, $"Bewohnerin {resident}");
        fields["Form.Email"] = string.Create(CultureInfo.InvariantCulture, $"bewohnerin{resident}@example.org");
        fields["Form.Language"] = "de";
        fields["Form.Consent"] = "true";
        var clock = Stopwatch.StartNew();
        using var posted = await client.PostAsync(new Uri(details, UriKind.Relative), new FormUrlEncodedContent(fields));
        var answer = await posted.Content.ReadAsStringAsync();
        times.Add("book (post)", clock.Elapsed);
        if (posted.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther && posted.Headers.Location is { } confirmation)
        {
            times.CountBooked();
            await times.GetAsync(client, "confirmation", confirmation.OriginalString);
        }
        else if (answer.Contains("class=\"notice\" role=\"alert\"", StringComparison.Ordinal))
        {
            times.CountTaken();
        }
        else
        {
            times.CountRefused((int)posted.StatusCode);
        }
    }

    [GeneratedRegex("""<a href="(/book/[^"]+/details\?[^"]+)">""")]
    private static partial Regex TimeLink();

    [GeneratedRegex("""<input type="hidden" name="([^"]+)" value="([^"]*)"\s*/?>""")]
    private static partial Regex HiddenInput();

    private sealed class PageTimes
    {
        public static readonly string[] Steps = ["start", "office", "times", "details", "book (post)", "confirmation"];

        private readonly Dictionary<string, List<double>> samples = Steps.ToDictionary(step => step, _ => new List<double>());

        private int booked;
        private int taken;
        private int refused;

        public int Booked => booked;

        public int Taken => taken;

        public void CountBooked() => Interlocked.Increment(ref booked);

        public int Refused => refused;

        public void CountTaken() => Interlocked.Increment(ref taken);

        public void CountRefused(int status)
        {
            if (Interlocked.Increment(ref refused) == 1)
            {
                Console.WriteLine($"  (a booking was refused: HTTP {status})");
            }
        }

        public async Task<string> GetAsync(HttpClient client, string step, string path)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync(new Uri(path, UriKind.RelativeOrAbsolute));
            var body = await response.Content.ReadAsStringAsync();
            Add(step, clock.Elapsed);
            response.EnsureSuccessStatusCode();
            return body;
        }

        public void Add(string step, TimeSpan elapsed)
        {
            lock (samples)
            {
                samples[step].Add(elapsed.TotalMilliseconds);
            }
        }

        public Percentiles Of(string step) => new(samples[step]);

        public Percentiles All() => new(samples.Values.SelectMany(values => values));
    }
}
