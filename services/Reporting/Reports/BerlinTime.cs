namespace Quartier.Reporting.Reports;

/// <summary>
/// Reporting periods are calendar days, months, quarters and years in the offices' time zone
/// (every office is in Europe/Berlin), so an appointment at 00:30 on 1 April counts in April.
/// </summary>
public static class BerlinTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
}
