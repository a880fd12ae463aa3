using Microsoft.EntityFrameworkCore;
using Quartier.Reporting.Reports;

namespace Quartier.Reporting.Appointments;

/// <summary>Appointment figures of one dimension value (null: the appointment did not say) in one month of the period.</summary>
public sealed record AppointmentCell(string Dimension, string? Value, int Month, AppointmentFigures Figures);

/// <summary>
/// Appointment figures of a report's scope and period per dimension value and month. Periods of whole
/// months (month, quarter, year) sum the monthly tallies; a day counts its appointments.
/// </summary>
public static class AppointmentCounts
{
    /// <summary>Every dimension, or only <paramref name="dimension"/> (an <see cref="AppointmentTally"/> dimension name).</summary>
    public static async Task<List<AppointmentCell>> ByDimensionAndMonthAsync(ReportContext report, string? dimension = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.WholeMonths
            ? await SumTalliesAsync(report, dimension)
            : [.. (await CountDayAsync(report)).Where(c => dimension is null || c.Dimension == dimension)];
    }

    private static async Task<List<AppointmentCell>> SumTalliesAsync(ReportContext report, string? dimension) =>
        [.. (await report.InScope(report.Db.AppointmentTallies.AsNoTracking())
                .Where(t => t.Month >= report.From && t.Month <= report.To && (dimension == null || t.Dimension == dimension))
                .GroupBy(t => new { t.Dimension, t.Value, t.Month })
                .Select(g => new
                {
                    g.Key.Dimension,
                    g.Key.Value,
                    g.Key.Month,
                    Figures = new AppointmentFigures(g.Sum(t => t.Booked), g.Sum(t => t.Cancelled), g.Sum(t => t.Attended), g.Sum(t => t.NoShow)),
                })
                .ToListAsync(report.CancellationToken))
            .Select(t => new AppointmentCell(t.Dimension, TallyValue.OrNull(t.Value), t.Month.Month, t.Figures))];

    private static async Task<List<AppointmentCell>> CountDayAsync(ReportContext report)
    {
        var groups = await report.InScope(report.Db.Appointments.AsNoTracking())
            .Where(a => a.Booked && a.Date >= report.From && a.Date <= report.To)
            .GroupBy(a => new { a.Channel, a.FieldOfAction, a.Language, a.InterpreterNeeded })
            .Select(g => new
            {
                g.Key.Channel,
                g.Key.FieldOfAction,
                g.Key.Language,
                g.Key.InterpreterNeeded,
                Figures = new AppointmentFigures(
                    g.Count(),
                    g.Count(a => a.CancelledAt != null),
                    g.Count(a => a.Outcome == AppointmentOutcome.Attended),
                    g.Count(a => a.Outcome == AppointmentOutcome.NoShow)),
            })
            .ToListAsync(report.CancellationToken);
        var month = report.From.Month;
        return [.. groups.SelectMany(g => new[]
        {
            new AppointmentCell(AppointmentTally.Channel, g.Channel?.ToString(), month, g.Figures),
            new AppointmentCell(AppointmentTally.FieldOfAction, g.FieldOfAction, month, g.Figures),
            new AppointmentCell(AppointmentTally.Language, g.Language, month, g.Figures),
            new AppointmentCell(AppointmentTally.InterpreterNeeded, g.InterpreterNeeded switch { true => "yes", false => "no", null => null }, month, g.Figures),
        })];
    }
}
