namespace Quartier.Engagement.Shifts;

/// <summary>
/// One dated occurrence of an opportunity that needs a number of volunteers. <see cref="SignedUp"/>
/// changes only under the row's lock, and a check constraint keeps it within <see cref="Needed"/>.
/// </summary>
public sealed class Shift
{
    public Guid Id { get; init; }

    public Guid OpportunityId { get; init; }

    public Guid OfficeId { get; init; }

    public DateTimeOffset StartsAt { get; init; }

    public DateTimeOffset EndsAt { get; init; }

    public int Needed { get; init; }

    public int SignedUp { get; set; }

    public DateTimeOffset? ShortAnnouncedAt { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public bool IsFull => SignedUp >= Needed;
}

/// <summary>
/// A volunteer holding a place in a shift. The shift's period is copied here so that the database
/// can refuse two overlapping shifts for one volunteer (an exclusion constraint).
/// </summary>
public sealed class ShiftAssignment
{
    public Guid Id { get; init; }

    public Guid ShiftId { get; init; }

    public Guid VolunteerId { get; init; }

    public DateTimeOffset StartsAt { get; init; }

    public DateTimeOffset EndsAt { get; init; }

    public DateTimeOffset SignedUpAt { get; init; }

    public bool? Attended { get; set; }
}
