using System.Text.Json;

namespace Quartier.Reporting.EventLog;

/// <summary>
/// One integration event as Reporting received it. The log is append-only and holds no personal
/// data (events carry none); every read model is derived from it and can be rebuilt from it.
/// </summary>
public sealed class EventLogEntry
{
    public long Sequence { get; private set; }

    public Guid MessageId { get; init; }

    public required string EventType { get; init; }

    public Guid? OfficeId { get; init; }

    /// <summary>When it happened at the source.</summary>
    public DateTimeOffset OccurredAt { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    public required string Payload { get; init; }

    public static EventLogEntry For<TEvent>(Guid messageId, TEvent integrationEvent, Guid? officeId, DateTimeOffset occurredAt, DateTimeOffset receivedAt)
        where TEvent : class => new()
        {
            MessageId = messageId,
            EventType = typeof(TEvent).Name,
            OfficeId = officeId,
            OccurredAt = occurredAt,
            ReceivedAt = receivedAt,
            Payload = JsonSerializer.Serialize(integrationEvent, JsonSerializerOptions.Web),
        };

    public TEvent Read<TEvent>() where TEvent : class =>
        JsonSerializer.Deserialize<TEvent>(Payload, JsonSerializerOptions.Web)
        ?? throw new InvalidOperationException($"Log entry {Sequence} holds no {typeof(TEvent).Name}.");
}
