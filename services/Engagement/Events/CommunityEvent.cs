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

    public required string FieldOfAction { get; set; }

    public List<EventText> Texts { get; init; } = [];

    public required string Place { get; set; }

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    public DateTimeOffset RegistrationDeadline { get; set; }

    public int Capacity { get; set; }

    public int ConfirmedPeople { get; set; }

    public EventStatus Status { get; set; } = EventStatus.Scheduled;

    public DateTimeOffset ScheduledAt { get; init; }

    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>Counts the changes of the plan (not of the seats taken): a change made against an older one is stale.</summary>
    public int PlanVersion { get; private set; }

    public int FreeSeats => Capacity - ConfirmedPeople;

    /// <summary>Takes the event as now planned; true when its time or place moved, which registered people are told.</summary>
    public bool Change(string fieldOfAction, IReadOnlyList<EventText> texts, string place, DateTimeOffset startsAt, DateTimeOffset endsAt, DateTimeOffset registrationDeadline, int capacity)
    {
        var moved = place != Place || !SameInstant(startsAt, StartsAt) || !SameInstant(endsAt, EndsAt);
        (FieldOfAction, Place, StartsAt, EndsAt, RegistrationDeadline, Capacity) = (fieldOfAction, place, startsAt, endsAt, registrationDeadline, capacity);
        PlanVersion++;
        // Texts are keyed by language: changed in place, so a language kept is an update, not a delete and insert of the same key.
        Texts.RemoveAll(text => texts.All(wanted => wanted.Language != text.Language));
        foreach (var wanted in texts)
        {
            if (Texts.Find(text => text.Language == wanted.Language) is { } kept)
            {
                (kept.Title, kept.Description) = (wanted.Title, wanted.Description);
            }
            else
            {
                Texts.Add(wanted);
            }
        }

        return moved;
    }

    // PostgreSQL keeps microseconds: a time echoed with finer ticks than stored is the same time.
    private static bool SameInstant(DateTimeOffset one, DateTimeOffset other) =>
        one.UtcTicks / TimeSpan.TicksPerMicrosecond == other.UtcTicks / TimeSpan.TicksPerMicrosecond;
}

/// <summary>Title and description in one language (ISO 639-1).</summary>
public sealed class EventText
{
    public required string Language { get; init; }

    public required string Title { get; set; }

    public string? Description { get; set; }
}
