using System.Text.Json.Serialization;

namespace Quartier.Engagement.Events;

[JsonConverter(typeof(JsonStringEnumConverter<EventStatus>))]
public enum EventStatus
{
    Scheduled,
    Cancelled,
}

/// <summary>
/// A festival, flea market, course or network meeting at an office. <see cref="ConfirmedPeople"/> is
/// changed only while the row is locked, and a check constraint keeps it within the capacity.
/// </summary>
public sealed class CommunityEvent
{
    public Guid Id { get; init; }

    public Guid OfficeId { get; init; }

    public required string FieldOfAction { get; init; }

    public List<EventText> Texts { get; init; } = [];

    public required string Place { get; init; }

    public DateTimeOffset StartsAt { get; init; }

    public DateTimeOffset EndsAt { get; init; }

    public DateTimeOffset RegistrationDeadline { get; init; }

    public int Capacity { get; init; }

    public int ConfirmedPeople { get; set; }

    public EventStatus Status { get; set; } = EventStatus.Scheduled;

    public DateTimeOffset ScheduledAt { get; init; }

    public DateTimeOffset? CancelledAt { get; set; }

    public int FreeSeats => Capacity - ConfirmedPeople;
}

/// <summary>Title and description in one language (ISO 639-1).</summary>
public sealed class EventText
{
    public required string Language { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }
}
