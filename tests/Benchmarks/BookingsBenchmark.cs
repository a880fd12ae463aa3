using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Quartier.Testing;

namespace Quartier.Benchmarks;

/// <summary>
/// Slot search over eight weeks of one office, and bookings through a real gateway process with
/// contention (many parallel residents on a limited set of slots; the database's exclusion
/// constraint decides), next to the rate PostgreSQL reaches for the same insert with pgbench.
/// </summary>
public sealed class BookingsBenchmark : IBenchmark
{
    private const string PgBench = "/usr/lib/postgresql/15/bin/pgbench";
    private const int Capacity = 4;
    private const int SlotMinutes = 15;

    /// <summary>Enough for the runtime to finish compiling the hot path optimized (tiered JIT), so the figures show the steady state.</summary>
    private const int WarmUpSearches = 300;

    private const int WarmUpBookings = 6000;

    /// <summary>
    /// Warm-up rounds of <see cref="WarmUpBookings"/>, each on a service of its own. After one round the
    /// tiered JIT still compiled about 400 methods optimized during the measured 4 s (a fifth of the
    /// service's CPU); after three, about 35.
    /// </summary>
    private const int WarmUpRounds = 3;

    public string Name => "bookings";

    public string Description => "slot search p50/p99 for 8 weeks; contended bookings/s and p99 through the gateway, telemetry exported to an Aspire dashboard; pgbench of the same insert (args: bookings, parallelism, searches, telemetry on|off)";

    public async Task RunAsync(string[] args)
    {
        var bookings = args is [var b, ..] ? int.Parse(b, CultureInfo.InvariantCulture) : 4000;
        var parallelism = args is [_, var p, ..] ? int.Parse(p, CultureInfo.InvariantCulture) : 32;
        var searches = args is [_, _, var s, ..] ? int.Parse(s, CultureInfo.InvariantCulture) : 500;
        var exportTelemetry = args is not [_, _, _, "off", ..];

        // What production pays: every process exports traces, metrics and logs to a dashboard.
        await using var dashboard = exportTelemetry ? await StandaloneDashboard.StartAsync() : null;
        Console.WriteLine(exportTelemetry ? $"telemetry exported over OTLP to an Aspire dashboard ({dashboard!.Browser})" : "telemetry not exported");

        await using var postgres = await PostgresServer.StartAsync();
        await using var rabbitMq = await RabbitMqServer.StartAsync();
        var database = await postgres.CreateDatabaseAsync("bookingsdb");
        var environment = new Dictionary<string, string>(dashboard?.ExporterEnvironment("bookings") ?? [])
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__bookingsdb"] = database,
            ["ConnectionStrings__messaging"] = rabbitMq.ConnectionString,
        }.TrustingStaffTokens();
        var dll = ServiceProcess.AssemblyPath("services/Bookings", "Bookings");
        await ServiceProcess.RunToCompletionAsync(dll, "migrate", environment, TimeSpan.FromMinutes(1));
        await using var service = await ServiceProcess.StartAsync("bookings", dll, environment, CancellationToken.None);
        await service.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        await using var gateway = await ServiceProcess.StartAsync("gateway", ServiceProcess.AssemblyPath("gateway", "Gateway"),
            GatewayLimits.Lifted(new Dictionary<string, string>(dashboard?.ExporterEnvironment("gateway") ?? [])
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["services__bookings__http__0"] = service.BaseAddress.ToString(),
                // Only Bookings is measured; the gateway wants an address for every service, and nothing listens on these.
                ["services__offices__http__0"] = "http://127.0.0.1:9/",
                ["services__engagement__http__0"] = "http://127.0.0.1:9/",
                ["services__reporting__http__0"] = "http://127.0.0.1:9/",
            }),
            CancellationToken.None);

        // StartAsync waits for /alive; the gateway's /health would wait for the services not started here.
        using var direct = new HttpClient { BaseAddress = service.BaseAddress };
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = parallelism }) { BaseAddress = gateway.BaseAddress };

        var officeId = await OfficeSeeding.RegisterOfficeAsync(rabbitMq.ConnectionString, client, "/api/bookings/offices");
        // The office's lead sets it up; residents (the measured requests) send no token.
        using var lead = new HttpClient { BaseAddress = gateway.BaseAddress, DefaultRequestHeaders = { Authorization = StaffTokens.Everything("bookings", officeId) } };
        var serviceId = await SetUpOfficeAsync(lead, officeId);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var searchPath = $"/api/bookings/services/{serviceId}/slots?channel=InPerson&from={today:yyyy-MM-dd}&to={today.AddDays(55):yyyy-MM-dd}";

        await MeasureSearchAsync("slot search, 8 weeks, service directly", direct, searchPath, searches);
        await MeasureSearchAsync("slot search, 8 weeks, through the gateway", client, searchPath, searches);

        // Warm-up on other services of the office, so the runtime has compiled the booking path
        // optimized before the clock runs (as for the search), and the measured slots stay untouched.
        for (var round = 0; round < WarmUpRounds; round++)
        {
            var warmUpServiceId = await CreateServiceAsync(lead, officeId);
            var warmUpSlots = await FreeSlotsAsync(client, warmUpServiceId, today, WarmUpBookings);
            await BookConcurrentlyAsync(client, warmUpServiceId, warmUpSlots, WarmUpBookings, parallelism);
        }

        // Contention: the slots of the next days, fewer seats than bookings wanted, so about a fifth of the requests lose a race.
        var slots = await FreeSlotsAsync(client, serviceId, today, bookings);
        var total = Stopwatch.StartNew();
        var samples = await BookConcurrentlyAsync(client, serviceId, slots, bookings, parallelism);
        var seconds = total.Elapsed.TotalSeconds;
        var created = samples.Count(sample => sample.Status == HttpStatusCode.Created);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"booking through the gateway ({parallelism} parallel clients, {slots.Count} slots x {Capacity} seats, after {WarmUpRounds * WarmUpBookings} warm-up bookings): {new Percentiles(samples.Select(sample => sample.Milliseconds))}, {bookings / seconds:0} requests/s, {created / seconds:0} bookings/s"));
        foreach (var answers in samples.GroupBy(sample => sample.Status).OrderBy(answers => answers.Key))
        {
            Console.WriteLine($"  {(int)answers.Key} x {answers.Count()}: {new Percentiles(answers.Select(sample => sample.Milliseconds))}");
        }

        var drained = await WaitUntilOutboxEmptyAsync(database);
        var published = await CountPublishedAsync(database, serviceId);
        Console.WriteLine($"  check: {created} booked <= {slots.Count * Capacity} seats, overbooked slots in the database: {await CountOverbookedAsync(database)}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  events: {published} AppointmentBooked published to RabbitMQ for {created} bookings; the outbox was empty {drained.TotalMilliseconds:0} ms after the last answer"));

        await RunPgBenchAsync(database, serviceId, officeId, parallelism);
    }

    private static async Task MeasureSearchAsync(string label, HttpClient client, string path, int count)
    {
        for (var i = 0; i < WarmUpSearches; i++)
        {
            using var warmUp = await client.GetAsync(new Uri(path, UriKind.Relative));
            warmUp.EnsureSuccessStatusCode();
        }

        var samples = new List<double>(count);
        var slots = 0;
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var body = await response.Content.ReadAsByteArrayAsync();
            samples.Add(clock.Elapsed.TotalMilliseconds);
            response.EnsureSuccessStatusCode();
            slots = body.Length;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {new Percentiles(samples)} ({slots / 1024} KiB answer)"));
    }

    private static async Task<Guid> SetUpOfficeAsync(HttpClient client, Guid officeId)
    {
        var weekdays = Enumerable.Range(1, 5).SelectMany(day => new[]
        {
            new { day, opens = "08:00", closes = "12:00" },
            new { day, opens = "13:00", closes = "18:00" },
        });
        (await client.PutAsJsonAsync($"/api/bookings/offices/{officeId}/opening-hours/plans/2020-01-01", new { intervals = weekdays })).EnsureSuccessStatusCode();
        return await CreateServiceAsync(client, officeId);
    }

    private static async Task<Guid> CreateServiceAsync(HttpClient client, Guid officeId)
    {
        using var created = await client.PostAsJsonAsync($"/api/bookings/offices/{officeId}/services", new
        {
            names = new Dictionary<string, string> { ["de"] = "Sozialberatung" },
            durationMinutes = SlotMinutes,
            channels = new[] { "InPerson", "Phone" },
            fieldOfAction = "zusammenleben",
            capacity = Capacity,
            minimumNoticeMinutes = 60,
            bookingHorizonDays = 56,
        });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<IdView>())!.Id;
    }

    /// <summary>The first free slots of the service: enough that <paramref name="bookings"/> requests want about a quarter more seats than there are.</summary>
    private static async Task<List<DateTimeOffset>> FreeSlotsAsync(HttpClient client, Guid serviceId, DateOnly today, int bookings)
    {
        var slots = await client.GetFromJsonAsync<List<SlotView>>($"/api/bookings/services/{serviceId}/slots?channel=InPerson&from={today:yyyy-MM-dd}&to={today.AddDays(55):yyyy-MM-dd}");
        return [.. slots!.Select(s => s.StartsAt).Take((int)(bookings / (Capacity * 1.25)))];
    }

    private static async Task<ConcurrentBag<(HttpStatusCode Status, double Milliseconds)>> BookConcurrentlyAsync(
        HttpClient client, Guid serviceId, List<DateTimeOffset> slots, int bookings, int parallelism)
    {
        var samples = new ConcurrentBag<(HttpStatusCode Status, double Milliseconds)>();
        await Parallel.ForAsync(0, bookings, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (i, cancellationToken) =>
        {
            var startsAt = slots[Random.Shared.Next(slots.Count)];
            var clock = Stopwatch.StartNew();
            using var response = await client.PostAsJsonAsync("/api/bookings/appointments", new
            {
                serviceId,
                startsAt,
                channel = "InPerson",
                name = $"Resident {i}",
                phone = "+49 3605 123456",
                language = "de",
                interpreterNeeded = false,
                consent = new { textVersion = "2026-12-appointments", givenAt = DateTimeOffset.UtcNow },
            }, cancellationToken);
            samples.Add((response.StatusCode, clock.Elapsed.TotalMilliseconds));
        });
        return samples;
    }

    private static async Task<TimeSpan> WaitUntilOutboxEmptyAsync(string database)
    {
        var clock = Stopwatch.StartNew();
        while (await ScalarAsync(database, "SELECT count(*) FROM \"OutboxMessages\" WHERE \"SentAt\" IS NULL") > 0)
        {
            await Task.Delay(10);
        }

        return clock.Elapsed;
    }

    private static Task<long> CountPublishedAsync(string database, Guid serviceId) => ScalarAsync(database,
        $"SELECT count(*) FROM \"OutboxMessages\" WHERE \"SentAt\" IS NOT NULL AND \"MessageType\" LIKE '%.AppointmentBooked,%' AND \"Body\" ->> 'serviceId' = '{serviceId}'");

    private static async Task<long> ScalarAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static Task<long> CountOverbookedAsync(string database) => ScalarAsync(database,
        $"""SELECT count(*) FROM (SELECT "StartsAt" FROM "Appointments" WHERE "Status" <> 'Cancelled' GROUP BY "ServiceId", "StartsAt" HAVING count(*) > {Capacity}) AS overbooked""");

    /// <summary>
    /// The same transaction without .NET: one appointment row on a random seat of a random slot (the
    /// exclusion constraint checked; a lost race does nothing) and one outbox row, committed together.
    /// </summary>
    private static async Task RunPgBenchAsync(string database, Guid serviceId, Guid officeId, int clients)
    {
        var settings = new NpgsqlConnectionStringBuilder(database);
        var script = Path.Combine(Path.GetTempPath(), $"bookings-pgbench-{Guid.NewGuid():N}.sql");
        await File.WriteAllTextAsync(script, $"""
            \set seat random(1, {Capacity})
            \set slot random(0, 200000)
            BEGIN;
            INSERT INTO "Appointments" ("Id", "OfficeId", "ServiceId", "Channel", "Seat", "StartsAt", "EndsAt", "BlockedUntil", "Status", "FieldOfAction", "Language", "InterpreterNeeded", "BookedAt", "ManagementTokenHash", "ResidentName", "ResidentPhone", "ConsentTextVersion", "ConsentGivenAt")
            SELECT gen_random_uuid(), '{officeId}', '{serviceId}', 'InPerson', :seat, s, s + interval '{SlotMinutes} minutes', s + interval '{SlotMinutes} minutes', 'Booked', 'zusammenleben', 'de', false, now(), md5(random()::text) || md5(random()::text), 'Resident', '+49 3605 123456', '2026-01', now()
            FROM (SELECT timestamptz '2030-01-01 00:00+00' + :slot * interval '{SlotMinutes} minutes' AS s) AS slot
            ON CONFLICT DO NOTHING;
            INSERT INTO "OutboxMessages" ("MessageId", "MessageType", "Body", "CreatedAt", "SentAt")
            VALUES (gen_random_uuid(), 'Quartier.Contracts.Bookings.AppointmentBooked, Contracts', '{"{"}"appointmentId":"00000000-0000-0000-0000-000000000000"{"}"}', now(), now());
            COMMIT;
            """);
        try
        {
            var start = new ProcessStartInfo(PgBench)
            {
                ArgumentList = { "-n", "-f", script, "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T", "10", "-h", settings.Host!, "-p", settings.Port.ToString(CultureInfo.InvariantCulture), "-U", settings.Username!, settings.Database! },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["PGPASSWORD"] = settings.Password ?? string.Empty;
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Console.WriteLine($"pgbench, same insert + outbox row, {clients} clients, 10 s:");
            foreach (var line in output.Split('\n').Where(l => l.StartsWith("latency", StringComparison.Ordinal) || l.StartsWith("tps", StringComparison.Ordinal) || l.StartsWith("number of failed", StringComparison.Ordinal)))
            {
                Console.WriteLine($"  {line}");
            }

            if (process.ExitCode != 0)
            {
                Console.WriteLine($"  pgbench failed ({process.ExitCode}): {errors.Trim()}");
            }
        }
        finally
        {
            File.Delete(script);
        }
    }

    private sealed record IdView(Guid Id);

    private sealed record SlotView(DateTimeOffset StartsAt);
}
