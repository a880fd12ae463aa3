using Quartier.Contracts.Engagement;
using Quartier.Reporting.Reports;

namespace Quartier.Reporting.Events;

/// <summary>Read model: one event of an office; it and its registrations count in the period it starts in.</summary>
public sealed class EventRecord : IOfficeRow
{
    public Guid EventId { get; init; }

    public Guid OfficeId { get; set; }

    public bool Scheduled { get; private set; }

    public string? FieldOfAction { get; private set; }

    public DateTimeOffset? StartsAt { get; private set; }

    public DateOnly? Date { get; private set; }

    public int Capacity { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public uint Version { get; private set; }

    public void Schedule(EventScheduled scheduled)
    {
        Scheduled = true;
        (FieldOfAction, StartsAt, Date, Capacity) = (scheduled.FieldOfAction, scheduled.StartsAt, BerlinTime.DateOf(scheduled.StartsAt), scheduled.Capacity);
    }

    public void Cancel(DateTimeOffset cancelledAt) => CancelledAt ??= cancelledAt;
}
