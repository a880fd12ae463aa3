using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Quartier.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// An integration event saved in the same transaction as the change it announces,
/// and published to RabbitMQ by the <see cref="OutboxRelay{TContext}"/> after commit.
/// </summary>
public sealed class OutboxMessage
{
    public const string Table = "OutboxMessages";

    private static readonly ConcurrentDictionary<string, Type> KnownTypes = new(StringComparer.Ordinal);

    /// <summary>Commit order; the relay publishes in this order.</summary>
    public long Sequence { get; private set; }

    /// <summary>Becomes the MassTransit message id, which consumers' inboxes deduplicate on.</summary>
    public Guid MessageId { get; private init; }

    public string MessageType { get; private init; } = null!;

    public string Body { get; private init; } = null!;

    /// <summary>W3C trace context of the request that caused the event, so consumers continue its trace.</summary>
    public string? TraceParent { get; private init; }

    public string? TraceState { get; private init; }

    public DateTimeOffset CreatedAt { get; private init; }

    public DateTimeOffset? SentAt { get; private init; }

    public static OutboxMessage Create(object integrationEvent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var type = integrationEvent.GetType();
        var activity = Activity.Current;
        return new OutboxMessage
        {
            MessageId = Guid.CreateVersion7(now),
            MessageType = TypeName(type),
            Body = JsonSerializer.Serialize(integrationEvent, type, JsonSerializerOptions.Web),
            TraceParent = activity?.Id,
            TraceState = activity?.TraceStateString,
            CreatedAt = now,
        };
    }

    /// <summary>
    /// This row as the end of a hand-written statement, <c>INSERT INTO "OutboxMessages" … SELECT … FROM
    /// <paramref name="source"/></c>, its values added to <paramref name="parameters"/> as positional
    /// parameters: a hot path can save a change and its event in one statement, the event only for the
    /// rows <paramref name="source"/> yields. Whoever commits it notifies the <see cref="OutboxSignal"/>.
    /// </summary>
    public string InsertFrom(string source, NpgsqlParameterCollection parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var first = parameters.Count + 1;
        parameters.Add(new NpgsqlParameter { Value = MessageId });
        parameters.Add(new NpgsqlParameter { Value = MessageType });
        parameters.Add(new NpgsqlParameter { Value = Body, NpgsqlDbType = NpgsqlDbType.Jsonb });
        parameters.Add(new NpgsqlParameter { Value = (object?)TraceParent ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = (object?)TraceState ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = CreatedAt.ToUniversalTime() });
        return $"""
            INSERT INTO "{Table}" ("MessageId", "MessageType", "Body", "TraceParent", "TraceState", "CreatedAt")
            SELECT ${first}, ${first + 1}, ${first + 2}, ${first + 3}, ${first + 4}, ${first + 5} FROM {source}
            """;
    }

    public static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public (Type Type, object Message) Deserialize()
    {
        var type = KnownTypes.GetOrAdd(MessageType, static name => Type.GetType(name, throwOnError: true)!);
        return (type, JsonSerializer.Deserialize(Body, type, JsonSerializerOptions.Web)!);
    }
}
