namespace Quartier.Contracts.Bookings;

/// <summary>
/// The effective opening hours of an office between <paramref name="From"/> and <paramref name="To"/>
/// (local dates, inclusive) changed; they replace whatever was announced for those dates before.
/// Holidays, closures and exceptions are already applied. <paramref name="ParallelCapacity"/> is how
/// many residents the office can serve at once, so reporting can compute offered capacity.
/// </summary>
public sealed record OpeningHoursChanged(
    Guid OfficeId,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<OpeningInterval> Intervals,
    int ParallelCapacity,
    DateTimeOffset ChangedAt);

public sealed record OpeningInterval(DateTimeOffset StartsAt, DateTimeOffset EndsAt);
