using System.ComponentModel.DataAnnotations;

namespace Quartier.Bookings.OpeningHours;

public sealed record WeeklyIntervalRequest([property: Required] DayOfWeek? Day, [property: Required] TimeOnly? Opens, [property: Required] TimeOnly? Closes);

public sealed record LocalIntervalRequest([property: Required] TimeOnly? Opens, [property: Required] TimeOnly? Closes);

/// <summary>The weekly plan in force from a date on, e.g. Mon 11–14, Tue 15–18, Wed 8–11, Thu 15–18.</summary>
public sealed record SetWeeklyPlanRequest([property: Required] IReadOnlyList<WeeklyIntervalRequest>? Intervals) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        IntervalRules.Validate((Intervals ?? []).Select(i => (i.Day, i.Opens, i.Closes)), nameof(Intervals));
}

/// <summary>Special hours on one day; no intervals means the office is closed that day.</summary>
public sealed record SetDayExceptionRequest(IReadOnlyList<LocalIntervalRequest>? Intervals, [property: StringLength(200)] string? Reason) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        IntervalRules.Validate((Intervals ?? []).Select(i => ((DayOfWeek?)DayOfWeek.Monday, i.Opens, i.Closes)), nameof(Intervals));
}

public sealed record AddClosureRequest([property: Required] DateOnly? From, [property: Required] DateOnly? To, [property: StringLength(200)] string? Reason) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (From is { } from && To is { } to)
        {
            if (to < from)
            {
                yield return new ValidationResult("The closure cannot end before it starts.", [nameof(To)]);
            }
            else if (to.DayNumber - from.DayNumber > IntervalRules.MaxClosureDays)
            {
                yield return new ValidationResult($"A closure lasts at most {IntervalRules.MaxClosureDays} days.", [nameof(To)]);
            }
        }
    }
}

public sealed record ScheduleResponse(
    Guid OfficeId,
    string TimeZone,
    IReadOnlyList<WeeklyPlan> Plans,
    IReadOnlyList<SpecialDay> Exceptions,
    IReadOnlyList<ClosurePeriod> Closures);

/// <summary>A day's hours as wall-clock times and as instants with the office's offset of that moment.</summary>
public sealed record EffectiveDayResponse(
    DateOnly Date,
    bool Open,
    IReadOnlyList<LocalInterval> LocalIntervals,
    IReadOnlyList<OpenInterval> Intervals,
    string? Holiday,
    string? ClosureReason);

public sealed record OpenNowResponse(bool Open, DateTimeOffset? OpenUntil, DateTimeOffset? NextOpening);

/// <summary>An office open at this moment, until <paramref name="OpenUntil"/> (its wall clock).</summary>
public sealed record OpenOfficeResponse(Guid OfficeId, DateTimeOffset OpenUntil);

internal static class IntervalRules
{
    public const int MaxIntervalsPerDay = 8;
    public const int MaxClosureDays = 366;
    public const int MaxRangeDays = 400;

    public static IEnumerable<ValidationResult> Validate(IEnumerable<(DayOfWeek? Day, TimeOnly? Opens, TimeOnly? Closes)> intervals, string field)
    {
        var list = intervals.ToList();
        if (list.Any(i => i.Day is null || i.Opens is null || i.Closes is null))
        {
            yield return new ValidationResult("Every interval needs a day, an opening and a closing time.", [field]);
            yield break;
        }

        if (list.Any(i => i.Day is < DayOfWeek.Sunday or > DayOfWeek.Saturday))
        {
            yield return new ValidationResult("Unknown day of the week.", [field]);
        }

        if (list.Any(i => i.Closes <= i.Opens))
        {
            yield return new ValidationResult("An interval must close after it opens (intervals across midnight are two intervals).", [field]);
        }

        foreach (var day in list.GroupBy(i => i.Day))
        {
            var ordered = day.OrderBy(i => i.Opens).ToList();
            if (ordered.Count > MaxIntervalsPerDay)
            {
                yield return new ValidationResult($"At most {MaxIntervalsPerDay} intervals per day.", [field]);
            }

            if (ordered.Zip(ordered.Skip(1)).Any(pair => pair.Second.Opens < pair.First.Closes))
            {
                yield return new ValidationResult("Intervals of one day must not overlap.", [field]);
            }
        }
    }
}
