using Quartier.Bookings.Holidays;
using Quartier.Bookings.Offices;

namespace Quartier.Bookings.OpeningHours;

public sealed record OpenInterval(DateTimeOffset StartsAt, DateTimeOffset EndsAt);

/// <summary>One local day as residents find the office: the hours it is open, or why it is closed.</summary>
public sealed record EffectiveDay(
    DateOnly Date,
    IReadOnlyList<LocalInterval> LocalIntervals,
    IReadOnlyList<OpenInterval> Intervals,
    string? Holiday,
    string? ClosureReason,
    bool IsException);

/// <summary>
/// The opening hours in force on each day. Precedence: an office that has closed for good offers
/// nothing from the moment it closed; otherwise a single-day exception (closed or special hours)
/// decides alone; otherwise a public holiday of the federal state or a closure period closes the
/// office; otherwise the weekly plan in force on that date applies.
/// </summary>
public static class EffectiveOpeningHours
{
    public const string OfficeClosed = "office closed";

    /// <summary>The office's days, ending where the office closed for good: what residents see, slots come from and reports count.</summary>
    public static IReadOnlyList<EffectiveDay> For(BookableOffice office, OfficeSchedule schedule, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(office);
        var zone = office.Zone();
        var days = Compute(schedule, office.FederalState, zone, from, to);
        if (office.ClosedAt is not { } closedAt)
        {
            return days;
        }

        var closedOn = OfficeTime.LocalDate(closedAt, zone);
        return [.. days.Select(day => day.Date > closedOn
            ? new EffectiveDay(day.Date, [], [], day.Holiday, OfficeClosed, IsException: false)
            : day with
            {
                Intervals = [.. day.Intervals.Where(i => i.StartsAt < closedAt).Select(i => i.EndsAt > closedAt ? i with { EndsAt = closedAt } : i)],
            })];
    }

    public static IReadOnlyList<EffectiveDay> Compute(OfficeSchedule schedule, string federalState, TimeZoneInfo zone, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var holidaysByYear = new Dictionary<int, IReadOnlyList<PublicHoliday>>();
        var days = new List<EffectiveDay>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            if (!holidaysByYear.TryGetValue(date.Year, out var holidays))
            {
                holidays = holidaysByYear[date.Year] = PublicHolidays.For(date.Year, federalState);
            }

            days.Add(DayOf(schedule, zone, date, holidays.FirstOrDefault(h => h.Date == date)?.Name));
        }

        return days;
    }

    public static IEnumerable<OpenInterval> Intervals(this IEnumerable<EffectiveDay> days) => days.SelectMany(d => d.Intervals);

    private static EffectiveDay DayOf(OfficeSchedule schedule, TimeZoneInfo zone, DateOnly date, string? holiday)
    {
        var exception = schedule.Exceptions.FirstOrDefault(e => e.Date == date);
        if (exception is not null)
        {
            return Open(date, exception.Intervals, zone, holiday, exception.Intervals.Count == 0 ? exception.Reason ?? "closed" : null, isException: true);
        }

        if (holiday is not null)
        {
            return new EffectiveDay(date, [], [], holiday, null, IsException: false);
        }

        var closure = schedule.Closures.FirstOrDefault(c => c.From <= date && date <= c.To);
        if (closure is not null)
        {
            return new EffectiveDay(date, [], [], null, closure.Reason ?? "closed", IsException: false);
        }

        var planned = schedule.PlanFor(date)?.Intervals
            .Where(i => i.Day == date.DayOfWeek)
            .Select(i => new LocalInterval(i.Opens, i.Closes))
            .ToList() ?? [];
        return Open(date, planned, zone, null, null, isException: false);
    }

    private static EffectiveDay Open(DateOnly date, IReadOnlyList<LocalInterval> local, TimeZoneInfo zone, string? holiday, string? closure, bool isException)
    {
        var ordered = local.OrderBy(i => i.Opens).ToList();
        var instants = new List<OpenInterval>(ordered.Count);
        foreach (var interval in ordered)
        {
            // On the autumn day an interval closing in the repeated hour closes at its second occurrence,
            // and one opening there opens at its first: the later one starts where the earlier one ends,
            // so no moment is counted twice and the day adds up to the hours the wall clock shows.
            var startsAt = OfficeTime.Opening(date, interval.Opens, zone);
            if (instants.Count > 0 && instants[^1].EndsAt > startsAt)
            {
                startsAt = instants[^1].EndsAt;
            }

            var endsAt = OfficeTime.Closing(date, interval.Closes, zone);
            if (endsAt > startsAt)
            {
                instants.Add(new OpenInterval(startsAt, endsAt));
            }
        }

        return new EffectiveDay(date, ordered, instants, holiday, closure, isException);
    }
}
