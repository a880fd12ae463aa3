namespace Quartier.Bookings.Holidays;

public sealed record PublicHoliday(DateOnly Date, string Name);

/// <summary>
/// Statutory public holidays of a German federal state for any year (Gregorian calendar), from the
/// states' holiday laws. Holidays that apply only in some municipalities of a state (Corpus Christi in
/// parts of Saxony and Thuringia, Assumption in Catholic parts of Bavaria, Augsburg's Peace Festival)
/// are not included: the office marks them as a single-day exception.
/// </summary>
public static class PublicHolidays
{
    private static readonly string[] ReformationDayStates = ["DE-BB", "DE-MV", "DE-SN", "DE-ST", "DE-TH"];
    private static readonly string[] ReformationDaySince2018States = ["DE-HB", "DE-HH", "DE-NI", "DE-SH"];
    private static readonly string[] EpiphanyStates = ["DE-BW", "DE-BY", "DE-ST"];
    private static readonly string[] CorpusChristiStates = ["DE-BW", "DE-BY", "DE-HE", "DE-NW", "DE-RP", "DE-SL"];
    private static readonly string[] AllSaintsStates = ["DE-BW", "DE-BY", "DE-NW", "DE-RP", "DE-SL"];
    private static readonly string[] EasterAndWhitSundayStates = ["DE-BB", "DE-HE"];

    public static IReadOnlyList<PublicHoliday> For(int year, string federalState)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1900);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 2999);
        var easter = EasterSunday(year);
        var holidays = new List<PublicHoliday>
        {
            new(new DateOnly(year, 1, 1), "Neujahr"),
            new(easter.AddDays(-2), "Karfreitag"),
            new(easter.AddDays(1), "Ostermontag"),
            new(new DateOnly(year, 5, 1), "Tag der Arbeit"),
            new(easter.AddDays(39), "Christi Himmelfahrt"),
            new(easter.AddDays(50), "Pfingstmontag"),
            new(new DateOnly(year, 10, 3), "Tag der Deutschen Einheit"),
            new(new DateOnly(year, 12, 25), "1. Weihnachtstag"),
            new(new DateOnly(year, 12, 26), "2. Weihnachtstag"),
        };

        void AddIf(bool applies, DateOnly date, string name)
        {
            if (applies)
            {
                holidays.Add(new PublicHoliday(date, name));
            }
        }

        AddIf(EpiphanyStates.Contains(federalState), new DateOnly(year, 1, 6), "Heilige Drei Könige");
        AddIf((federalState == "DE-BE" && year >= 2019) || (federalState == "DE-MV" && year >= 2023), new DateOnly(year, 3, 8), "Internationaler Frauentag");
        AddIf(EasterAndWhitSundayStates.Contains(federalState), easter, "Ostersonntag");
        AddIf(federalState == "DE-BE" && year is 2020 or 2025, new DateOnly(year, 5, 8), "Tag der Befreiung");
        AddIf(EasterAndWhitSundayStates.Contains(federalState), easter.AddDays(49), "Pfingstsonntag");
        AddIf(CorpusChristiStates.Contains(federalState), easter.AddDays(60), "Fronleichnam");
        AddIf(federalState == "DE-SL", new DateOnly(year, 8, 15), "Mariä Himmelfahrt");
        AddIf(federalState == "DE-TH" && year >= 2019, new DateOnly(year, 9, 20), "Weltkindertag");
        AddIf(
            ReformationDayStates.Contains(federalState)
                || (ReformationDaySince2018States.Contains(federalState) && year >= 2018)
                || year == 2017,
            new DateOnly(year, 10, 31),
            "Reformationstag");
        AddIf(AllSaintsStates.Contains(federalState), new DateOnly(year, 11, 1), "Allerheiligen");
        AddIf(federalState == "DE-SN", DayOfPrayerAndRepentance(year), "Buß- und Bettag");

        return [.. holidays.OrderBy(h => h.Date)];
    }

    public static string? NameOf(DateOnly date, string federalState) =>
        For(date.Year, federalState).FirstOrDefault(h => h.Date == date)?.Name;

    /// <summary>Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>The Wednesday before 23 November.</summary>
    private static DateOnly DayOfPrayerAndRepentance(int year)
    {
        var date = new DateOnly(year, 11, 22);
        while (date.DayOfWeek != DayOfWeek.Wednesday)
        {
            date = date.AddDays(-1);
        }

        return date;
    }
}
