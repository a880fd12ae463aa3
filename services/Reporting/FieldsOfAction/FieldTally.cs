using Microsoft.EntityFrameworkCore;
using Quartier.Reporting.Reports;

namespace Quartier.Reporting.FieldsOfAction;

/// <summary>
/// Read model kept by the database itself: per office, month and field of action ("" when none was
/// given) the callbacks requested and reached and the volunteer hours of that month. Triggers on the
/// callbacks and volunteer-hours tables add each row's change as it is written, like the appointment tallies.
/// </summary>
public sealed class FieldTally : IOfficeRow
{
    public Guid OfficeId { get; init; }

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; init; }

    public required string FieldOfAction { get; init; }

    public int CallbacksRequested { get; init; }

    public int CallbacksReached { get; init; }

    public decimal VolunteerHours { get; init; }
}

public static class FieldTallies
{
    /// <summary>The tallies of the report's scope in the months of its period (month, quarter or year).</summary>
    public static IQueryable<FieldTally> InMonthsOf(ReportContext report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.InScope(report.Db.FieldTallies.AsNoTracking()).Where(t => t.Month >= report.From && t.Month <= report.To);
    }
}
