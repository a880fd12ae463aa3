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

    /// <summary>When the plan held here was made: a change overtaken by its scheduling on the way does not go back.</summary>
    public DateTimeOffset? PlannedAt { get; private set; }

    public uint Version { get; private set; }

    public void Schedule(EventScheduled scheduled)
    {
        Scheduled = true;
        Plan(scheduled.FieldOfAction, scheduled.StartsAt, scheduled.Capacity, scheduled.ScheduledAt);
    }

    public void Change(EventChanged changed) => Plan(changed.FieldOfAction, changed.StartsAt, changed.Capacity, changed.ChangedAt);

    private void Plan(string fieldOfAction, DateTimeOffset startsAt, int capacity, DateTimeOffset plannedAt)
    {
        if (PlannedAt > plannedAt)
        {
            return;
        }

        (FieldOfAction, StartsAt, Date, Capacity, PlannedAt) = (fieldOfAction, startsAt, BerlinTime.DateOf(startsAt), capacity, plannedAt);
    }

    public void Cancel(DateTimeOffset cancelledAt) => CancelledAt ??= cancelledAt;
}
