using Quartier.Reporting.Reports;

namespace Quartier.Reporting.Volunteers;

/// <summary>
/// Read model: one volunteer's life at an office: first approval, latest approval and pause (staff
/// pause a volunteer and approve again to resume), end.
/// </summary>
public sealed class VolunteerRecord : IOfficeRow
{
    public Guid VolunteerId { get; init; }

    public Guid OfficeId { get; set; }

    public DateOnly? SignedUpOn { get; set; }

    public DateOnly? ApprovedOn { get; private set; }

    public DateTimeOffset? LastApprovedAt { get; private set; }

    public DateTimeOffset? LastPausedAt { get; private set; }

    public DateOnly? EndedOn { get; set; }

    public uint Version { get; private set; }

    public void Approve(DateTimeOffset approvedAt)
    {
        var date = BerlinTime.DateOf(approvedAt);
        ApprovedOn = ApprovedOn is { } first && first < date ? first : date;
        LastApprovedAt = LastApprovedAt > approvedAt ? LastApprovedAt : approvedAt;
    }

    public void Pause(DateTimeOffset pausedAt) => LastPausedAt = LastPausedAt > pausedAt ? LastPausedAt : pausedAt;

    /// <summary>Approved by the period's end, not ended before it began, and not paused (and still so) before it began.</summary>
    public bool IsActiveBetween(DateOnly from, DateOnly to) =>
        ApprovedOn <= to
        && !(EndedOn < from)
        && !(LastPausedAt > LastApprovedAt && BerlinTime.DateOf(LastPausedAt!.Value) < from);
}
