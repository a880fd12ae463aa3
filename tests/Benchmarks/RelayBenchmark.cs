using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MassTransit;
using Npgsql;
using Quartier.Contracts.Offices;
using Quartier.Testing;
using RabbitMQ.Client;

namespace Quartier.Benchmarks;

/// <summary>
/// Outbox relay throughput against a plain MassTransit publish loop on the same broker. Both publish
/// the same event, one at a time with publisher confirms, into a bound durable queue. The relay runs in
/// a real Offices process and drains a backlog of outbox rows, each committed in its own transaction.
/// </summary>
public sealed class RelayBenchmark : IBenchmark
{
    public string Name => "relay";

    public string Description => "outbox relay events/s next to a plain MassTransit publish loop (ratio)";

    public async Task RunAsync(string[] args)
    {
        var count = args is [var given, ..] ? int.Parse(given, CultureInfo.InvariantCulture) : 5000;
        await using var postgres = await PostgresServer.StartAsync();
        await using var rabbitMq = await RabbitMqServer.StartAsync();
        await BindQueueAsync(rabbitMq.ConnectionString);

        var plain = await PlainPublishLoopAsync(rabbitMq.ConnectionString, count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"plain MassTransit publish loop: {count} events in {plain.TotalSeconds:0.00} s = {count / plain.TotalSeconds:0} events/s"));

        var relay = await RelayAsync(postgres, rabbitMq.ConnectionString, count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"outbox relay:                   {count} events in {relay.TotalSeconds:0.00} s = {count / relay.TotalSeconds:0} events/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"relay / plain = {plain.TotalSeconds / relay.TotalSeconds:0.00} (target >= 0.70)"));
    }

    private static OfficeRegistered Sample(int number) => new(
        Guid.NewGuid(), $"Treffpunkt {number}", "Treffpunkt", "Hüttenstraße 1", "31655", "Stadthagen", "DE-NI", "Europe/Berlin", DateTimeOffset.UtcNow);

    /// <summary>A durable queue bound to the event's exchange, so the broker stores what both loops publish.</summary>
    private static async Task BindQueueAsync(string broker)
    {
        var factory = new ConnectionFactory { Uri = new Uri(broker) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        const string exchange = "Quartier.Contracts.Offices:OfficeRegistered";
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true);
        await channel.QueueDeclareAsync("benchmark-sink", durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync("benchmark-sink", exchange, string.Empty);
    }

    private static async Task<TimeSpan> PlainPublishLoopAsync(string broker, int count)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(broker)));
        await bus.StartAsync();
        try
        {
            await bus.Publish(Sample(0));
            var clock = Stopwatch.StartNew();
            for (var number = 1; number <= count; number++)
            {
                await bus.Publish(Sample(number));
            }

            return clock.Elapsed;
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    private static async Task<TimeSpan> RelayAsync(PostgresServer postgres, string broker, int count)
    {
        var database = await postgres.CreateDatabaseAsync("officesdb");
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__officesdb"] = database,
            ["ConnectionStrings__messaging"] = broker,
        };
        var dll = ServiceProcess.AssemblyPath("services/Offices", "Offices");
        await ServiceProcess.RunToCompletionAsync(dll, "migrate", environment, TimeSpan.FromMinutes(1));
        await FillOutboxAsync(database, count);

        await using var offices = await ServiceProcess.StartAsync("offices", dll, environment, CancellationToken.None);
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        while (await ScalarAsync(connection, """SELECT count(*) FROM "OutboxMessages" WHERE "SentAt" IS NULL""") > 0)
        {
            await Task.Delay(100);
        }

        // The relay's own clock, free of process start-up: from the first batch marked sent to the last,
        // over the events published in between (every batch after the first).
        var microseconds = await ScalarAsync(connection, """SELECT (extract(epoch FROM max("SentAt") - min("SentAt")) * 1000000)::bigint FROM "OutboxMessages" """);
        var afterFirstBatch = await ScalarAsync(connection, """SELECT count(*) FROM "OutboxMessages" WHERE "SentAt" > (SELECT min("SentAt") FROM "OutboxMessages")""");
        return TimeSpan.FromMicroseconds(microseconds * (double)count / afterFirstBatch);
    }

    /// <summary>Rows as the service writes them: one transaction per event, in commit order.</summary>
    private static async Task FillOutboxAsync(string database, int count)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        var type = $"{typeof(OfficeRegistered).FullName}, {typeof(OfficeRegistered).Assembly.GetName().Name}";
        for (var number = 1; number <= count; number++)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using var insert = new NpgsqlCommand(
                """INSERT INTO "OutboxMessages" ("MessageId", "MessageType", "Body", "CreatedAt") VALUES (@id, @type, @body::jsonb, now())""",
                connection,
                transaction);
            insert.Parameters.AddWithValue("id", NewId.NextGuid());
            insert.Parameters.AddWithValue("type", type);
            insert.Parameters.AddWithValue("body", JsonSerializer.Serialize(Sample(number), JsonSerializerOptions.Web));
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
