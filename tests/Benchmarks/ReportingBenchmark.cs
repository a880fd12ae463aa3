using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MassTransit;
using Npgsql;
using NpgsqlTypes;
using Quartier.Contracts;
using Quartier.Contracts.Bookings;
using Quartier.Contracts.Engagement;
using Quartier.Contracts.Offices;
using Quartier.Testing;

namespace Quartier.Benchmarks;

/// <summary>
/// Reporting: (1) a year of activity of 50 offices written to the event log and turned into read
/// models by the <c>rebuild</c> verb; (2) event-to-read-model lag while events are published at a
/// steady rate to a real Reporting process; (3) latency of every report over that year.
/// Arguments: [offices=50] [rate=200] [seconds=30].
/// </summary>
public sealed class ReportingBenchmark : IBenchmark
{
    private const int Year = 2025;
    private const int QueriesPerReport = 200;
    private const int WarmUpSeconds = 5;

    /// <summary>Enough for the tiered JIT to have optimised a report's code before it is timed.</summary>
    private const int WarmUpQueries = 40;

    /// <summary>
    /// Consumers commit concurrently (at most a few dozen events in flight), so a lower log sequence can
    /// become visible after a higher one: the watcher looks back this far behind the highest it saw.
    /// </summary>
    private const int LookBack = 200;

    public string Name => "reporting";

    public string Description => "event-to-report lag at a steady event rate; report latency for a year of 50 offices";

    public async Task RunAsync(string[] args)
    {
        var offices = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50;
        var rate = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 30;

        await using var postgres = await PostgresServer.StartAsync();
        await using var rabbitMq = await RabbitMqServer.StartAsync();
        var database = await postgres.CreateDatabaseAsync("reportingdb");
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__reportingdb"] = database,
            ["ConnectionStrings__messaging"] = rabbitMq.ConnectionString,
        }.TrustingStaffTokens();
        var dll = ServiceProcess.AssemblyPath("services/Reporting", "Reporting");
        await ServiceProcess.RunToCompletionAsync(dll, "migrate", environment, TimeSpan.FromMinutes(1));

        var year = new YearOfActivity(offices, new Random(2025));
        var clock = Stopwatch.StartNew();
        var logged = await WriteLogAsync(database, year.Events());
        Console.WriteLine(Invariant($"event log: {logged} events of {offices} offices for {Year} written in {clock.Elapsed.TotalSeconds:0.0} s"));
        clock.Restart();
        await ServiceProcess.RunToCompletionAsync(dll, "rebuild", environment, TimeSpan.FromMinutes(20));
        Console.WriteLine(Invariant($"rebuild: read models from {logged} logged events in {clock.Elapsed.TotalSeconds:0.0} s = {logged / clock.Elapsed.TotalSeconds:0} events/s"));

        await using var reporting = await ServiceProcess.StartAsync("reporting", dll, environment, CancellationToken.None);
        await reporting.WaitHealthyAsync(TimeSpan.FromSeconds(60));

        // A fresh process first runs code the JIT has not optimised yet: measure the steady state after it.
        await MeasureLagAsync(database, rabbitMq.ConnectionString, year.OfficeIds, rate, WarmUpSeconds);
        var lag = await MeasureLagAsync(database, rabbitMq.ConnectionString, year.OfficeIds, rate, seconds);
        Console.WriteLine(Invariant($"event-to-read-model lag at {rate} events/s for {seconds} s: {lag} (target p99 <= 500 ms)"));

        // An administrator, who may read every office's reports and the platform-wide ones (token validated on each, as in production).
        using var http = new HttpClient { BaseAddress = reporting.BaseAddress, DefaultRequestHeaders = { Authorization = StaffTokens.Everything("reporting") } };
        var officeId = year.OfficeIds[0];
        string[] queries =
        [
            .. new[] { "appointments", "callbacks", "opening-hours", "events", "volunteers", "fields-of-action" }
                .SelectMany(report => new[] { $"{report}?period=year&date={Year}-06-01", $"{report}?period=year&date={Year}-06-01&officeId={officeId}" }),
            $"programme?date={Year}-06-01&projectArea={Uri.EscapeDataString(YearOfActivity.AreaOf(0))}",
            $"fields-of-action?period=year&date={Year}-06-01&format=csv&decimalSeparator=comma",
        ];
        var worstP99 = 0d;
        foreach (var query in queries)
        {
            var latency = await MeasureQueryAsync(http, $"/api/reporting/{query}");
            worstP99 = Math.Max(worstP99, latency.At(99));
            Console.WriteLine(Invariant($"  {query,-90} {latency}"));
        }

        Console.WriteLine(Invariant($"report latency over a year of {offices} offices: worst p99 {worstP99:0.00} ms (target p99 <= 50 ms)"));
    }

    /// <summary>Rows as the consumer writes them, by binary COPY: what reporting would have logged over the year.</summary>
    private static async Task<int> WriteLogAsync(string database, IEnumerable<(object Event, Guid OfficeId, DateTimeOffset OccurredAt)> events)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var writer = await connection.BeginBinaryImportAsync(
            """COPY "EventLog" ("MessageId", "EventType", "OfficeId", "OccurredAt", "ReceivedAt", "Payload") FROM STDIN (FORMAT BINARY)""");
        var count = 0;
        foreach (var (integrationEvent, officeId, occurredAt) in events)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(NewId.NextGuid(), NpgsqlDbType.Uuid);
            await writer.WriteAsync(integrationEvent.GetType().Name, NpgsqlDbType.Varchar);
            await writer.WriteAsync(officeId, NpgsqlDbType.Uuid);
            await writer.WriteAsync(occurredAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(occurredAt.ToUniversalTime().AddSeconds(1), NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), JsonSerializerOptions.Web), NpgsqlDbType.Jsonb);
            count++;
        }

        await writer.CompleteAsync();
        return count;
    }

    /// <summary>
    /// Publishes new appointments at a steady rate and watches the event log, which the consumer
    /// writes in the same transaction as the read models: a message id appearing there is visible in
    /// every report. Lag = seen - moment the publish began.
    /// </summary>
    private static async Task<Percentiles> MeasureLagAsync(string database, string broker, IReadOnlyList<Guid> offices, int rate, int seconds)
    {
        var published = new ConcurrentDictionary<Guid, long>();
        var lags = new ConcurrentBag<double>();
        var total = rate * seconds;
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(broker)));
        await bus.StartAsync();
        using var watching = new CancellationTokenSource();
        var watcher = Task.Run(() => WatchLogAsync(database, published, lags, total, watching.Token));
        try
        {
            var clock = Stopwatch.StartNew();
            var random = new Random(7);
            var publishes = new List<Task>(total);
            for (var number = 0; number < total; number++)
            {
                var due = TimeSpan.FromSeconds((double)number / rate);
                if (due > clock.Elapsed)
                {
                    await Task.Delay(due - clock.Elapsed);
                }

                var messageId = NewId.NextGuid();
                published[messageId] = Stopwatch.GetTimestamp();
                var startsAt = DateTimeOffset.UtcNow.Date.AddDays(random.Next(1, 60)).AddHours(9);
                publishes.Add(bus.Publish(
                    new AppointmentBooked(Guid.NewGuid(), offices[random.Next(offices.Count)], Guid.NewGuid(), AppointmentChannel.Phone, "bildung", "de", false, startsAt, startsAt.AddMinutes(30), DateTimeOffset.UtcNow),
                    context => context.MessageId = messageId));
            }

            await Task.WhenAll(publishes);
            await Task.WhenAny(watcher, Task.Delay(TimeSpan.FromSeconds(60)));
        }
        finally
        {
            await watching.CancelAsync();
            await bus.StopAsync();
        }

        if (lags.Count < total)
        {
            Console.WriteLine(Invariant($"  only {lags.Count} of {total} events became visible within a minute after the last publish"));
        }

        return new Percentiles(lags);
    }

    private static async Task WatchLogAsync(string database, ConcurrentDictionary<Guid, long> published, ConcurrentBag<double> lags, int total, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellationToken);
        await using var start = new NpgsqlCommand("""SELECT coalesce(max("Sequence"), 0) FROM "EventLog" """, connection);
        var position = (long)(await start.ExecuteScalarAsync(cancellationToken))!;
        var seen = new HashSet<Guid>();
        while (seen.Count < total && !cancellationToken.IsCancellationRequested)
        {
            await using var poll = new NpgsqlCommand("""SELECT "Sequence", "MessageId" FROM "EventLog" WHERE "Sequence" > @position ORDER BY "Sequence" """, connection);
            poll.Parameters.AddWithValue("position", position - LookBack);
            await using (var reader = await poll.ExecuteReaderAsync(cancellationToken))
            {
                var now = Stopwatch.GetTimestamp();
                while (await reader.ReadAsync(cancellationToken))
                {
                    position = Math.Max(position, reader.GetInt64(0));
                    var messageId = reader.GetGuid(1);
                    if (published.TryGetValue(messageId, out var sent) && seen.Add(messageId))
                    {
                        lags.Add(Stopwatch.GetElapsedTime(sent, now).TotalMilliseconds);
                    }
                }
            }

            await Task.Delay(5, cancellationToken);
        }
    }

    private static async Task<Percentiles> MeasureQueryAsync(HttpClient http, string path)
    {
        for (var warmUp = 0; warmUp < WarmUpQueries; warmUp++)
        {
            (await http.GetAsync(new Uri(path, UriKind.Relative))).EnsureSuccessStatusCode();
        }

        var samples = new List<double>(QueriesPerReport);
        for (var query = 0; query < QueriesPerReport; query++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }

        return new Percentiles(samples);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A plausible year of a neighbourhood office network, as the other services would announce it.</summary>
    private sealed class YearOfActivity(int officeCount, Random random)
    {
        private static readonly string[] Fields = [.. FieldsOfAction.Names.Keys];
        private static readonly string[] Languages = ["de", "ar", "uk", "tr", "ru", "fa"];

        public IReadOnlyList<Guid> OfficeIds { get; } = [.. Enumerable.Range(0, officeCount).Select(_ => Guid.NewGuid())];

        public static string AreaOf(int office) => $"Projektgebiet {office % 10}";

        private static DateTimeOffset At(DateOnly date, double hour) =>
            new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(hour - 1);

        private DateOnly AnyDay() => new DateOnly(Year, 1, 1).AddDays(random.Next(365));

        private string AnyField() => Fields[random.Next(Fields.Length)];

        public IEnumerable<(object Event, Guid OfficeId, DateTimeOffset OccurredAt)> Events()
        {
            for (var office = 0; office < OfficeIds.Count; office++)
            {
                foreach (var entry in OfficeEvents(office, OfficeIds[office]))
                {
                    yield return (entry.Event, OfficeIds[office], entry.OccurredAt);
                }
            }
        }

        private IEnumerable<(object Event, DateTimeOffset OccurredAt)> OfficeEvents(int number, Guid office)
        {
            var registered = new DateTimeOffset(Year - 1, 12, 1, 9, 0, 0, TimeSpan.Zero);
            var area = new ProjectAreaInfo(AreaOf(number), 3000 + number, null, [new AreaIndicatorInfo("Ausländeranteil", 40m, 12m, "%", null, null, null)]);
            yield return (new OfficeRegistered(office, $"Treffpunkt {number}", "Treffpunkt", "Hauptstraße 1", "31655", "Stadthagen", "DE-NI", "Europe/Berlin", registered, ProjectArea: area), registered);

            for (var month = 1; month <= 12; month++)
            {
                var from = new DateOnly(Year, month, 1);
                var to = from.AddMonths(1).AddDays(-1);
                var intervals = new List<OpeningInterval>();
                for (var day = from; day <= to; day = day.AddDays(1))
                {
                    if (day.DayOfWeek is >= DayOfWeek.Monday and <= DayOfWeek.Thursday)
                    {
                        intervals.Add(new OpeningInterval(At(day, 9), At(day, 12)));
                    }
                }

                var changedAt = At(from.AddDays(-20), 8);
                yield return (new OpeningHoursChanged(office, from, to, intervals, 2, changedAt), changedAt);
            }

            for (var i = 0; i < 1200; i++)
            {
                var id = Guid.NewGuid();
                var startsAt = At(AnyDay(), 9 + random.Next(7));
                var bookedAt = startsAt.AddDays(-random.Next(1, 20));
                yield return (new AppointmentBooked(id, office, Guid.NewGuid(), (AppointmentChannel)random.Next(3), AnyField(), Languages[random.Next(Languages.Length)], random.Next(4) == 0, startsAt, startsAt.AddMinutes(30), bookedAt), bookedAt);
                var fate = random.Next(100);
                if (fate < 10)
                {
                    yield return (new AppointmentCancelled(id, office, CancelledBy.Resident, bookedAt.AddHours(5)), bookedAt.AddHours(5));
                }
                else if (fate < 80)
                {
                    yield return (new AppointmentAttended(id, office, null, null, startsAt.AddMinutes(30)), startsAt.AddMinutes(30));
                }
                else if (fate < 90)
                {
                    yield return (new AppointmentNoShow(id, office, startsAt.AddMinutes(30)), startsAt.AddMinutes(30));
                }
            }

            for (var i = 0; i < 300; i++)
            {
                var id = Guid.NewGuid();
                var window = At(AnyDay(), 10 + random.Next(5));
                yield return (new CallbackRequested(id, office, window, window.AddHours(1), Languages[random.Next(Languages.Length)], AnyField(), window.AddDays(-1)), window.AddDays(-1));
                var firstAttempt = window.AddMinutes(random.Next(90));
                yield return (new CallbackAttempted(id, office, 1, CallbackAttemptOutcome.Reached, firstAttempt), firstAttempt);
                var fate = random.Next(100);
                if (fate < 75)
                {
                    yield return (new CallbackCompleted(id, office, firstAttempt < window.AddHours(1), firstAttempt.AddMinutes(5)), firstAttempt.AddMinutes(5));
                }
                else if (fate < 90)
                {
                    yield return (new CallbackUnreachable(id, office, 3, firstAttempt.AddHours(2)), firstAttempt.AddHours(2));
                }
                else
                {
                    yield return (new CallbackOverdue(id, office, window.AddHours(1), window.AddHours(1)), window.AddHours(1));
                }
            }

            for (var i = 0; i < 40; i++)
            {
                var eventId = Guid.NewGuid();
                var startsAt = At(AnyDay(), 15);
                yield return (new EventScheduled(eventId, office, AnyField(), startsAt, startsAt.AddHours(2), 20, startsAt.AddDays(-30)), startsAt.AddDays(-30));
                for (var r = 0; r < 15; r++)
                {
                    var registration = Guid.NewGuid();
                    var at = startsAt.AddDays(-20 + r);
                    if (r < 12)
                    {
                        yield return (new RegistrationConfirmed(registration, eventId, office, 1 + random.Next(3), at), at);
                        yield return (new AttendanceRecorded(registration, eventId, office, random.Next(3), startsAt.AddHours(2)), startsAt.AddHours(2));
                    }
                    else
                    {
                        yield return (new RegistrationWaitlisted(registration, eventId, office, 1, r - 11, at), at);
                    }
                }
            }

            for (var i = 0; i < 30; i++)
            {
                var volunteer = Guid.NewGuid();
                var signedUp = At(AnyDay(), 12);
                yield return (new VolunteerSignedUp(volunteer, office, ["de"], [], AgeGroup.Adult, signedUp), signedUp);
                if (i < 25)
                {
                    yield return (new VolunteerApproved(volunteer, office, signedUp.AddDays(3)), signedUp.AddDays(3));
                }

                if (i < 5)
                {
                    yield return (new VolunteerEnded(volunteer, office, signedUp.AddDays(60)), signedUp.AddDays(60));
                }
            }

            for (var i = 0; i < 400; i++)
            {
                var date = AnyDay();
                yield return (new VolunteerHoursLogged(Guid.NewGuid(), Guid.NewGuid(), office, AnyField(), date, 1 + (random.Next(8) * 0.5m), At(date, 18)), At(date, 18));
            }

            for (var i = 0; i < 10; i++)
            {
                var tandem = Guid.NewGuid();
                var formedOn = AnyDay();
                yield return (new TandemFormed(tandem, office, "Sprachpatenschaft", formedOn, null, At(formedOn, 10)), At(formedOn, 10));
                if (i < 3)
                {
                    yield return (new TandemEnded(tandem, office, At(formedOn, 10).AddDays(90)), At(formedOn, 10).AddDays(90));
                }
            }

            for (var i = 0; i < 50; i++)
            {
                var startsAt = At(AnyDay(), 14);
                yield return (new ShiftFilled(Guid.NewGuid(), Guid.NewGuid(), office, startsAt, startsAt.AddHours(2), 2, startsAt.AddDays(-2)), startsAt.AddDays(-2));
            }
        }
    }
}
