using System.Globalization;

namespace Quartier.Web;

/// <summary>Dates and times as residents read them: the office's wall clock, written for the chosen language.</summary>
public static class Times
{
    /// <summary>Where the platform's offices are, unless an office says otherwise.</summary>
    public const string DefaultTimeZone = "Europe/Berlin";

    public static DateOnly Today(TimeProvider time, string timeZone)
    {
        ArgumentNullException.ThrowIfNull(time);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
    }

    public static string Day(DateOnly date) => date.ToString("dddd, d MMMM", CultureInfo.CurrentCulture);

    public static string Time(TimeOnly time) => time.ToString("t", CultureInfo.CurrentCulture);

    /// <summary>Instants from the APIs carry the office's offset of that moment: its wall clock.</summary>
    public static string Time(DateTimeOffset? instant) => instant is { } at ? Time(TimeOnly.FromDateTime(at.DateTime)) : string.Empty;

    /// <summary>An instant stored in UTC on the office's wall clock (events carry no offset of their own).</summary>
    public static DateTimeOffset InOffice(DateTimeOffset instant, string timeZone = DefaultTimeZone) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZone));

    /// <summary>The instant a wall-clock time in the office's time zone names (the later one in the autumn's repeated hour).</summary>
    public static DateTimeOffset FromOffice(DateTime wallClock, string timeZone = DefaultTimeZone)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var local = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Min() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    public static string DayAndTime(DateTimeOffset instant) => $"{Day(DateOnly.FromDateTime(instant.DateTime))}, {Time(instant)}";
}
