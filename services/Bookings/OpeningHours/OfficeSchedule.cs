namespace Quartier.Bookings.OpeningHours;

/// <summary>Opening and closing wall-clock times of the office's time zone on one day.</summary>
public sealed record LocalInterval(TimeOnly Opens, TimeOnly Closes);

public sealed record WeeklyInterval(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

/// <summary>A weekly plan in force from <see cref="ValidFrom"/> until the next plan begins.</summary>
public sealed record WeeklyPlan(DateOnly ValidFrom, IReadOnlyList<WeeklyInterval> Intervals);

/// <summary>One day that differs from the plan: closed (no intervals) or special hours.</summary>
public sealed record SpecialDay(DateOnly Date, IReadOnlyList<LocalInterval> Intervals, string? Reason);

/// <summary>The office is closed on every day from <see cref="From"/> to <see cref="To"/> (inclusive), e.g. its own holidays.</summary>
public sealed record ClosurePeriod(Guid Id, DateOnly From, DateOnly To, string? Reason);

/// <summary>
/// Everything that decides when an office is open: weekly plans, single-day exceptions and closure
/// periods. One row per office so that one staff edit replaces a consistent whole (optimistic concurrency).
/// </summary>
public sealed class OfficeSchedule
{
    public Guid OfficeId { get; init; }

    public IReadOnlyList<WeeklyPlan> Plans { get; set; } = [];

    public IReadOnlyList<SpecialDay> Exceptions { get; set; } = [];

    public IReadOnlyList<ClosurePeriod> Closures { get; set; } = [];

    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>PostgreSQL's xmin: two staff members editing at once cannot silently overwrite each other.</summary>
    public uint Version { get; private set; }

    public WeeklyPlan? PlanFor(DateOnly date) =>
        Plans.Where(p => p.ValidFrom <= date).MaxBy(p => p.ValidFrom);
}
