namespace Quartier.Bookings.OpeningHours;

/// <summary>
/// Turns the office's wall-clock times into instants. On the days daylight-saving time changes:
/// <list type="bullet">
/// <item>a time the clock skips (02:00–02:59 on the last Sunday of March in Europe/Berlin) is moved
/// forward by the gap, as a clock that was not put forward would show it (02:30 opens at 03:30 CEST);</item>
/// <item>a time the clock shows twice (02:00–02:59 on the last Sunday of October) opens at its first
/// occurrence and closes at its second, so an interval covers every moment the wall clock shows a time
/// inside it.</item>
/// </list>
/// So 01:30–03:30 lasts one hour in spring and three hours in autumn, as it does on the office's wall clock.
/// </summary>
public static class OfficeTime
{
    public static DateTimeOffset Opening(DateOnly date, TimeOnly time, TimeZoneInfo zone) => ToInstant(date, time, zone, laterIfRepeated: false);

    public static DateTimeOffset Closing(DateOnly date, TimeOnly time, TimeZoneInfo zone) => ToInstant(date, time, zone, laterIfRepeated: true);

    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone, bool laterIfRepeated)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // The offset in force before the gap; a day earlier is safely outside any transition.
            var before = zone.GetUtcOffset(local.AddDays(-1));
            return new DateTimeOffset(local, before).ToUniversalTime();
        }

        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            var offset = laterIfRepeated ? offsets.Min() : offsets.Max();
            return new DateTimeOffset(local, offset).ToUniversalTime();
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>An instant as the office's wall clock shows it, with the offset in force.</summary>
    public static DateTimeOffset InOfficeTime(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(InOfficeTime(instant, zone).DateTime);
}
