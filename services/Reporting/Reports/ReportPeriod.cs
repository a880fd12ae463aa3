using System.Text.Json.Serialization;

namespace Quartier.Reporting.Reports;

[JsonConverter(typeof(JsonStringEnumConverter<PeriodKind>))]
public enum PeriodKind
{
    Day,
    Month,
    Quarter,
    Year,
}

/// <summary>A calendar period of local dates, both ends inclusive.</summary>
public sealed record ReportPeriod(PeriodKind Kind, DateOnly From, DateOnly To)
{
    public static ReportPeriod Containing(PeriodKind kind, DateOnly date)
    {
        var from = kind switch
        {
            PeriodKind.Day => date,
            PeriodKind.Month => new DateOnly(date.Year, date.Month, 1),
            PeriodKind.Quarter => new DateOnly(date.Year, ((date.Month - 1) / 3 * 3) + 1, 1),
            PeriodKind.Year => new DateOnly(date.Year, 1, 1),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var next = kind switch
        {
            PeriodKind.Day => from.AddDays(1),
            PeriodKind.Month => from.AddMonths(1),
            PeriodKind.Quarter => from.AddMonths(3),
            _ => from.AddYears(1),
        };
        return new ReportPeriod(kind, from, next.AddDays(-1));
    }
}
