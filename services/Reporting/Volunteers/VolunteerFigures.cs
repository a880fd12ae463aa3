using Microsoft.EntityFrameworkCore;
using Quartier.Reporting.FieldsOfAction;
using Quartier.Reporting.Reports;

namespace Quartier.Reporting.Volunteers;

/// <summary>
/// Volunteers and tandems in a period: active = approved by its end, not ended before its start
/// and not paused throughout it; new = signed up in it; tandems active = begun by its end and neither ended nor planned
/// to end before its start.
/// </summary>
public sealed record VolunteerFigures(int Active, int New, int Approved, int Ended, decimal Hours, int TandemsActive, int TandemsFormed, int ShiftsFilled, int ShiftsShort)
{
    /// <summary>The volunteers, tandems and shifts of the scope that touch the period, to count per (sub)period in memory.</summary>
    public sealed record Rows(List<VolunteerRecord> Volunteers, List<TandemRecord> Tandems, List<ShiftRecord> Shifts);

    public static async Task<Rows> LoadAsync(ReportContext report)
    {
        var (from, to) = (report.From, report.To);
        var volunteers = await report.InScope(report.Db.Volunteers.AsNoTracking())
            .Where(v => (v.SignedUpOn <= to || v.ApprovedOn <= to) && (v.EndedOn == null || v.EndedOn >= from))
            .ToListAsync(report.CancellationToken);
        var tandems = await report.InScope(report.Db.Tandems.AsNoTracking())
            .Where(t => t.StartsOn <= to && (t.EndedOn == null || t.EndedOn >= from || t.EndedOn < t.StartsOn))
            .ToListAsync(report.CancellationToken);
        var shifts = await report.InScope(report.Db.Shifts.AsNoTracking())
            .Where(s => s.Date >= from && s.Date <= to)
            .ToListAsync(report.CancellationToken);
        return new Rows(volunteers, tandems, shifts);
    }

    public static VolunteerFigures Count(Rows rows, DateOnly from, DateOnly to, decimal hours)
    {
        ArgumentNullException.ThrowIfNull(rows);
        static bool Within(DateOnly? date, DateOnly from, DateOnly to) => date >= from && date <= to;
        return new VolunteerFigures(
            rows.Volunteers.Count(v => v.IsActiveBetween(from, to)),
            rows.Volunteers.Count(v => Within(v.SignedUpOn, from, to)),
            rows.Volunteers.Count(v => Within(v.ApprovedOn, from, to)),
            rows.Volunteers.Count(v => Within(v.EndedOn, from, to)),
            hours,
            // A tandem ended before its first day never ran: formed, never active (Engagement keeps no last day for it).
            rows.Tandems.Count(t => t.StartsOn <= to && !(t.EndedOn < from) && !(t.EndedOn < t.StartsOn) && !(t.PlannedEndOn < from)),
            rows.Tandems.Count(t => Within(t.StartsOn, from, to)),
            rows.Shifts.Count(s => s.Filled && Within(s.Date, from, to)),
            rows.Shifts.Count(s => !s.Filled && Within(s.Date, from, to)));
    }

    /// <summary>Hours per field and month: from the field tallies for whole months, from the entries for a day.</summary>
    public static async Task<Dictionary<FieldMonth, decimal>> HoursByFieldAndMonthAsync(ReportContext report) =>
        report.WholeMonths
            ? (await FieldTallies.InMonthsOf(report)
                    .GroupBy(t => new { t.FieldOfAction, t.Month })
                    .Select(g => new { g.Key.FieldOfAction, g.Key.Month, Hours = g.Sum(t => t.VolunteerHours) })
                    .ToListAsync(report.CancellationToken))
                .Where(t => t.Hours != 0)
                .ToDictionary(t => new FieldMonth(TallyValue.OrNull(t.FieldOfAction), t.Month.Month), t => t.Hours)
            : (await report.InScope(report.Db.VolunteerHours.AsNoTracking())
                    .Where(h => h.Date >= report.From && h.Date <= report.To)
                    .GroupBy(h => new { h.FieldOfAction, h.Date.Month })
                    .Select(g => new { g.Key.FieldOfAction, g.Key.Month, Hours = g.Sum(h => h.Hours) })
                    .ToListAsync(report.CancellationToken))
                .ToDictionary(h => new FieldMonth(h.FieldOfAction, h.Month), h => h.Hours);
}
