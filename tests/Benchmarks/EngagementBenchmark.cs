using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Quartier.Testing;

namespace Quartier.Benchmarks;

/// <summary>
/// An event announced in the neighbourhood: many residents register at once for few seats against
/// a real Engagement process (every registration takes the event's row lock), then confirmed
/// residents cancel in parallel and the waitlist moves up. Checks the seat count at the end.
/// </summary>
public sealed class EngagementBenchmark : IBenchmark
{
    public string Name => "engagement";

    public string Description => "event registration rush and parallel cancellations with waitlist promotion (args: registrations, parallelism, capacity)";

    public async Task RunAsync(string[] args)
    {
        var registrations = args is [var r, ..] ? int.Parse(r, CultureInfo.InvariantCulture) : 1000;
        var parallelism = args is [_, var p, ..] ? int.Parse(p, CultureInfo.InvariantCulture) : 16;
        var capacity = args is [_, _, var c, ..] ? int.Parse(c, CultureInfo.InvariantCulture) : 100;
        await using var postgres = await PostgresServer.StartAsync();
        await using var rabbitMq = await RabbitMqServer.StartAsync();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__engagementdb"] = await postgres.CreateDatabaseAsync("engagementdb"),
            ["ConnectionStrings__messaging"] = rabbitMq.ConnectionString,
        }.TrustingStaffTokens();
        var dll = ServiceProcess.AssemblyPath("services/Engagement", "Engagement");
        await ServiceProcess.RunToCompletionAsync(dll, "migrate", environment, TimeSpan.FromMinutes(1));
        await using var service = await ServiceProcess.StartAsync("engagement", dll, environment, CancellationToken.None);
        await service.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        using var client = new HttpClient { BaseAddress = service.BaseAddress };

        var officeId = await OfficeSeeding.RegisterOfficeAsync(rabbitMq.ConnectionString, client, "/api/engagement/offices");
        var startsAt = DateTimeOffset.UtcNow.AddDays(14);
        using var staff = new HttpClient { BaseAddress = service.BaseAddress, DefaultRequestHeaders = { Authorization = StaffTokens.Everything("engagement", officeId) } };
        using var scheduled = await staff.PostAsJsonAsync($"/api/engagement/offices/{officeId}/events", new
        {
            fieldOfAction = "sport-freizeit",
            texts = new[] { new { language = "de", title = "Stadtteillauf" } },
            place = "Stadtpark",
            startsAt,
            endsAt = startsAt.AddHours(3),
            capacity,
        });
        scheduled.EnsureSuccessStatusCode();
        var eventId = (await scheduled.Content.ReadFromJsonAsync<Created>())!.Id;

        var answers = new ConcurrentBag<Registered>();
        var (register, registerSeconds) = await MeasureAsync(registrations, parallelism, async i =>
        {
            using var response = await client.PostAsJsonAsync($"/api/engagement/events/{eventId}/registrations",
                new { name = $"Läuferin {i}", email = $"l{i}@example.org", people = 1, consent = true, consentTextVersion = "2026-12-events" });
            response.EnsureSuccessStatusCode();
            answers.Add((await response.Content.ReadFromJsonAsync<Registered>())!);
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"register ({parallelism} in parallel, capacity {capacity}): {register}, {registrations / registerSeconds:0} registrations/s"));

        var confirmed = answers.Where(a => a.Status == "Confirmed").ToList();
        var (cancel, cancelSeconds) = await MeasureAsync(confirmed.Count, parallelism, async i =>
        {
            using var response = await client.DeleteAsync(new Uri(confirmed[i].ManagementUrl, UriKind.Relative));
            response.EnsureSuccessStatusCode();
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cancel with promotion ({parallelism} in parallel): {cancel}, {confirmed.Count / cancelSeconds:0} cancellations/s"));

        var after = (await client.GetFromJsonAsync<EventView>($"/api/engagement/events/{eventId}"))!;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"check: {confirmed.Count} confirmed at first (capacity {capacity}), free seats after the promotions {after.FreeSeats} (expected {Math.Max(0, capacity - (registrations - capacity))})"));
    }

    private static async Task<(Percentiles Latency, double Seconds)> MeasureAsync(int count, int parallelism, Func<int, Task> action)
    {
        var samples = new ConcurrentBag<double>();
        var total = Stopwatch.StartNew();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (i, _) =>
        {
            var clock = Stopwatch.StartNew();
            await action(i);
            samples.Add(clock.Elapsed.TotalMilliseconds);
        });
        return (new Percentiles(samples), total.Elapsed.TotalSeconds);
    }

    private sealed record Created(Guid Id);

    private sealed record Registered(Guid Id, string Status, string ManagementUrl);

    private sealed record EventView(int FreeSeats);
}
