using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using MassTransit;
using Npgsql;
using Quartier.Contracts.Offices;
using Quartier.Testing;

namespace Quartier.EndToEnd.Tests;

/// <summary>
/// Residents must never lose a booking and reports must never count one twice, whatever the broker,
/// a consumer or the database does. Offices stand in for every kind of write: they travel the same
/// outbox → RabbitMQ → inbox path as every event of the platform.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class MessagingFaultTests(PlatformFixture platform)
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task RabbitMQ_killed_for_ten_seconds_loses_no_write_stops_no_other_process_and_delivers_every_event_exactly_once()
    {
        using var writers = new OfficeWriters(platform.Client);
        writers.Start(parallel: 2);
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);

        await platform.RabbitMq.KillAsync();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
            foreach (var resource in platform.Services.Values.Append(platform.Gateway))
            {
                resource.State.Should().StartWith("Running", $"{resource.Name} keeps running without the broker");
            }
        }
        finally
        {
            await platform.RabbitMq.StartAgainAsync();
        }

        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        var outcome = await writers.StopAsync();

        outcome.Failures.Should().BeEmpty("every write is accepted while the broker is away");
        outcome.Created.Should().HaveCountGreaterThan(20);
        await EveryOfficeIsLoggedExactlyOnceByReportingAsync(outcome.Created);
    }

    [Fact]
    public async Task A_consumer_killed_mid_stream_loses_nothing_and_counts_nothing_twice_after_restart()
    {
        var reporting = platform.Services["reporting"];
        using var writers = new OfficeWriters(platform.Client);
        writers.Start(parallel: 2);
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);

        await reporting.KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        await reporting.RestartAsync();
        await reporting.WaitHealthyAsync(Settle);

        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        var outcome = await writers.StopAsync();

        outcome.Failures.Should().BeEmpty();
        await EveryOfficeIsLoggedExactlyOnceByReportingAsync(outcome.Created);
    }

    [Fact]
    public async Task A_poison_message_ends_in_the_error_queue_and_the_ones_behind_it_are_processed()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var poisonId = NewId.NextGuid();
        var poison = new OfficeRegistered(
            Guid.NewGuid(), "Treffpunkt mit ungültigem Land", "Treffpunkt", "Weg 1", "12345", "Nirgendwo",
            FederalState: "DE-NIEDERSACHSEN", "Europe/Berlin", DateTimeOffset.UtcNow);
        var healthy = new OfficeRegistered(
            Guid.NewGuid(), "Treffpunkt hinter dem Gift", "Treffpunkt", "Weg 2", "12345", "Irgendwo", "DE-NI", "Europe/Berlin", DateTimeOffset.UtcNow);

        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(platform.RabbitMq.ConnectionString)));
        await bus.StartAsync(cancellationToken);
        try
        {
            await bus.Publish(poison, context => context.MessageId = poisonId, cancellationToken);
            await bus.Publish(healthy, cancellationToken);
        }
        finally
        {
            await bus.StopAsync(cancellationToken);
        }

        (await platform.WaitForAsync<OfficeView>($"/api/bookings/offices/{healthy.OfficeId}", Settle)).Name.Should().Be(healthy.Name);

        var listing = await WaitForErrorListingAsync("bookings", poisonId, Settle);
        listing.Should().Contain("bookings-office-registered_error").And.Contain("OfficeRegistered");

        var shown = await RunErrorsVerbAsync("bookings", $"show {poisonId}");
        shown.Should().Contain("exception:").And.Contain("DE-NIEDERSACHSEN");

        var requeued = await RunErrorsVerbAsync("bookings", $"requeue {poisonId}");
        requeued.Should().Contain("1 message(s) moved back");
        (await WaitForErrorListingAsync("bookings", poisonId, Settle)).Should().Contain(poisonId.ToString(), "it still fails and returns to the error queue");

        using var missing = await platform.Client.GetAsync(new Uri($"/api/bookings/offices/{poison.OfficeId}", UriKind.Relative), cancellationToken);
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_database_restart_under_load_answers_503_with_retry_after_and_leaves_nothing_half_written()
    {
        using var writers = new OfficeWriters(platform.Client);
        writers.Start(parallel: 4);
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);

        await platform.Postgres.StopAsync();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(4), TestContext.Current.CancellationToken);
        }
        finally
        {
            await platform.Postgres.StartAgainAsync();
        }

        await WaitUntilAsync(async () => (await platform.Client.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode, Settle);
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        var outcome = await writers.StopAsync();

        outcome.Refusals.Should().NotBeEmpty("writes during the outage are refused");
        outcome.Refusals.Should().OnlyContain(refusal => refusal.Status == HttpStatusCode.ServiceUnavailable && refusal.RetryAfter);
        outcome.Failures.Except(outcome.Refusals).Should().BeEmpty("nothing but 503 with Retry-After may go wrong");

        // What was confirmed is stored, announced once, and nothing else slipped in.
        await EveryOfficeIsLoggedExactlyOnceByReportingAsync(outcome.Created);
        await using var offices = await OpenDatabaseAsync("offices");
        var stored = await CountAsync(offices, """SELECT count(*) FROM "Offices" WHERE "Name" LIKE 'Lasttest %'""");
        var announced = await CountAsync(offices, """SELECT count(*) FROM "OutboxMessages" WHERE "Body"->>'name' LIKE 'Lasttest %'""");
        stored.Should().Be(announced, "every stored office has its event, and no event lacks its office");
        stored.Should().BeGreaterThanOrEqualTo(outcome.Created.Count);
    }

    private async Task EveryOfficeIsLoggedExactlyOnceByReportingAsync(IReadOnlyCollection<Guid> created)
    {
        await using var reporting = await OpenDatabaseAsync("reporting");
        var ids = created.ToArray();
        Dictionary<Guid, long> logged = [];
        await WaitUntilAsync(async () =>
        {
            logged = await CountPerOfficeAsync(reporting, ids);
            return logged.Count == ids.Length;
        }, Settle);

        logged.Keys.Should().BeEquivalentTo(ids);
        logged.Values.Should().OnlyContain(count => count == 1, "a redelivered event must not be logged twice");
    }

    /// <summary>A fresh connection to a service's database: pooled ones may predate a database restart.</summary>
    private async Task<NpgsqlConnection> OpenDatabaseAsync(string service)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(platform.Databases[service]) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    private static async Task<Dictionary<Guid, long>> CountPerOfficeAsync(NpgsqlConnection reporting, Guid[] ids)
    {
        await using var command = new NpgsqlCommand(
            """SELECT "OfficeId", count(*) FROM "EventLog" WHERE "EventType" = 'OfficeRegistered' AND "OfficeId" = ANY(@ids) GROUP BY "OfficeId" """,
            reporting);
        command.Parameters.AddWithValue("ids", ids);
        await using var reader = await command.ExecuteReaderAsync();
        var counts = new Dictionary<Guid, long>();
        while (await reader.ReadAsync())
        {
            counts[reader.GetGuid(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<string> WaitForErrorListingAsync(string service, Guid messageId, TimeSpan timeout)
    {
        var listing = string.Empty;
        await WaitUntilAsync(async () =>
        {
            listing = await RunErrorsVerbAsync(service, "list");
            return listing.Contains(messageId.ToString(), StringComparison.Ordinal);
        }, timeout);
        return listing;
    }

    /// <summary>The operators' command, run as they would: <c>dotnet Bookings.dll errors ...</c> with the service's configuration.</summary>
    private Task<string> RunErrorsVerbAsync(string service, string arguments) =>
        platform.RunVerbAsync(service, $"errors {arguments}");

    private async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The condition did not hold within {timeout.TotalSeconds} s.{await platform.DescribeProcessesAsync()}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>Staff registering offices in a steady stream, as residents would keep booking.</summary>
    private sealed class OfficeWriters(HttpClient client) : IDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private readonly ConcurrentBag<Guid> created = [];
        private readonly ConcurrentBag<Failure> failures = [];
        private readonly List<Task> loops = [];

        public void Start(int parallel)
        {
            for (var writer = 0; writer < parallel; writer++)
            {
                loops.Add(Task.Run(WriteUntilStoppedAsync));
            }
        }

        public async Task<Outcome> StopAsync()
        {
            await stop.CancelAsync();
            await Task.WhenAll(loops);
            var all = failures.ToList();
            return new Outcome([.. created], all, [.. all.Where(failure => failure.Status == HttpStatusCode.ServiceUnavailable)]);
        }

        public void Dispose() => stop.Dispose();

        private async Task WriteUntilStoppedAsync()
        {
            var number = 0;
            while (!stop.IsCancellationRequested)
            {
                var body = new
                {
                    name = $"Lasttest {Guid.NewGuid():N}",
                    kind = "Treffpunkt",
                    street = $"Lastweg {++number}",
                    postalCode = "31655",
                    town = "Stadthagen",
                    federalState = "DE-NI",
                };
                try
                {
                    using var response = await client.PostAsJsonAsync("/api/offices", body);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        created.Add((await response.Content.ReadFromJsonAsync<OfficeView>())!.Id);
                    }
                    else
                    {
                        failures.Add(new Failure(response.StatusCode, response.Headers.RetryAfter is not null));
                        await Task.Delay(100);
                    }
                }
                catch (HttpRequestException)
                {
                    failures.Add(new Failure(0, RetryAfter: false));
                }

                await Task.Delay(20);
            }
        }
    }

    private sealed record Failure(HttpStatusCode Status, bool RetryAfter);

    private sealed record Outcome(IReadOnlyCollection<Guid> Created, IReadOnlyCollection<Failure> Failures, IReadOnlyCollection<Failure> Refusals);
}
