using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;

namespace Quartier.Reporting.Reports;

/// <summary>What every report is asked with: whose figures, which period, in which format.</summary>
public sealed record ReportRequest(
    [property: Description("day, month (default), quarter or year")] string? Period,
    [property: Description("any local date inside the period; default today in Europe/Berlin")] DateOnly? Date,
    [property: Description("one office; leave out for all offices")] Guid? OfficeId,
    [property: Description("the offices of one project area")] string? ProjectArea,
    [property: Description("json (default) or csv; Accept: text/csv works too")] string? Format,
    [property: Description("point (default) or comma, for CSV")] string? DecimalSeparator)
{
    public bool TryReadPeriod(DateOnly today, [NotNullWhen(true)] out ReportPeriod? period, out Dictionary<string, string[]> errors)
    {
        errors = [];
        period = null;
        if (!Enum.TryParse<PeriodKind>(Period ?? nameof(PeriodKind.Month), ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(Period, out _))
        {
            errors["period"] = ["Use day, month, quarter or year."];
        }

        if (DecimalSeparator is not (null or "point" or "comma"))
        {
            errors["decimalSeparator"] = ["Use point or comma."];
        }

        if (Format is not (null or "json" or "csv"))
        {
            errors["format"] = ["Use json or csv."];
        }

        if (OfficeId is not null && ProjectArea is not null)
        {
            errors["projectArea"] = ["Ask for one office or one project area, not both."];
        }

        if (errors.Count > 0)
        {
            return false;
        }

        period = ReportPeriod.Containing(kind, Date ?? today);
        return true;
    }

    public bool WantsCsv(HttpRequest request) =>
        Format == "csv" || (Format is null && request.Headers.Accept.Any(accept => accept?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true));

    public bool DecimalComma => DecimalSeparator == "comma";
}
