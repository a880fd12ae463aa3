using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Quartier.Testing;

namespace Quartier.Benchmarks;

/// <summary>
/// The office directory under a staff and resident workload, one request at a time against a real
/// Offices process: registering offices, the filtered public list over them, and If-Match updates.
/// </summary>
public sealed class OfficesBenchmark : IBenchmark
{
    private static readonly string[] Towns = ["Salzgitter", "Stadthagen", "Leinefelde-Worbis", "Göttingen", "Hildesheim", "Erfurt", "Kassel", "Wolfsburg"];
    private static readonly string[] Languages = ["de", "ar", "tr", "ru", "uk", "fa", "en", "pl"];
    private static readonly string[] Fields = ["wohnen", "zusammenleben", "bildung", "beschaeftigung", "gesundheit", "image"];

    public string Name => "offices";

    public string Description => "office directory: register, filtered list and If-Match update latency (args: offices, list requests)";

    public async Task RunAsync(string[] args)
    {
        var offices = args is [var o, ..] ? int.Parse(o, CultureInfo.InvariantCulture) : 1000;
        var lists = args is [_, var l, ..] ? int.Parse(l, CultureInfo.InvariantCulture) : 2000;
        await using var postgres = await PostgresServer.StartAsync();
        await using var rabbitMq = await RabbitMqServer.StartAsync();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__officesdb"] = await postgres.CreateDatabaseAsync("officesdb"),
            ["ConnectionStrings__messaging"] = rabbitMq.ConnectionString,
        }.TrustingStaffTokens();
        var dll = ServiceProcess.AssemblyPath("services/Offices", "Offices");
        await ServiceProcess.RunToCompletionAsync(dll, "migrate", environment, TimeSpan.FromMinutes(1));
        await using var service = await ServiceProcess.StartAsync("offices", dll, environment, CancellationToken.None);
        await service.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        using var client = new HttpClient { BaseAddress = service.BaseAddress };
        // Offices are registered by an administrator (token validated on each, as in production); lists are public.
        using var administrator = new HttpClient { BaseAddress = service.BaseAddress, DefaultRequestHeaders = { Authorization = StaffTokens.Everything("offices") } };

        var ids = new List<Guid>();
        var register = await MeasureAsync(offices, async i =>
        {
            using var response = await administrator.PostAsJsonAsync("/api/offices", Office(i, $"Treffpunkt {i}"));
            response.EnsureSuccessStatusCode();
            ids.Add((await response.Content.ReadFromJsonAsync<Created>())!.Id);
        });
        Console.WriteLine($"register (POST, event to outbox): {register}");

        string[] queries = ["?town=Salzgitter", "?language=uk", "?fieldOfAction=bildung&language=ar", "?q=treffpunkt 1&pageSize=50", "?page=3&pageSize=20"];
        var list = await MeasureAsync(lists, async i =>
        {
            using var response = await client.GetAsync(new Uri("/api/offices" + queries[i % queries.Length], UriKind.Relative));
            response.EnsureSuccessStatusCode();
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"filtered list over {offices} offices (GET): {list}"));

        var update = await MeasureAsync(Math.Min(offices, 500), async i =>
        {
            using var detail = await client.GetAsync(new Uri($"/api/offices/{ids[i]}", UriKind.Relative));
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/offices/{ids[i]}") { Content = JsonContent.Create(Office(i, $"Treffpunkt {i} (neu)")) };
            request.Headers.IfMatch.Add(detail.Headers.ETag!);
            using var response = await client.SendAsync(request);
            response.EnsureSuccessStatusCode();
        });
        Console.WriteLine($"load and update (GET + PUT If-Match): {update}");
    }

    private static async Task<Percentiles> MeasureAsync(int count, Func<int, Task> action)
    {
        await action(0);
        var samples = new List<double>(count);
        for (var i = 1; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            await action(i);
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }

        return new Percentiles(samples);
    }

    private static object Office(int number, string name) => new
    {
        name,
        kind = number % 3 == 0 ? "Stadtteilbüro" : "Treffpunkt",
        street = $"Hauptstraße {number % 200 + 1}",
        postalCode = (10000 + number % 89999).ToString(CultureInfo.InvariantCulture),
        town = Towns[number % Towns.Length],
        federalState = "DE-NI",
        languages = new[] { "de", Languages[number % Languages.Length], Languages[number * 7 % Languages.Length] }.Distinct(),
        fieldsOfAction = new[] { Fields[number % Fields.Length], Fields[number * 5 % Fields.Length] }.Distinct(),
        projectArea = new
        {
            name = $"Quartier {number}",
            population = 1000 + number,
            indicators = new[] { new { name = "Ausländische Bewohner*innen", areaValue = 30m + number % 20, townValue = 20m, unit = "%" } },
        },
    };

    private sealed record Created(Guid Id);
}
