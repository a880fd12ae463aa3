using Microsoft.EntityFrameworkCore;
using Quartier.Reporting.Reports;

namespace Quartier.Reporting.Callbacks;

/// <summary>
/// Callback requests whose window starts in the period. The share reached inside the window is
/// over all requests; minutes to the first attempt run from the window's start (negative = early).
/// </summary>
public sealed record CallbackReport(
    ReportHeader Header,
    int Requested,
    int Reached,
    int ReachedWithinWindow,
    int Unreachable,
    int Overdue,
    int Cancelled,
    decimal? ShareReachedWithinWindow,
    double? MedianMinutesToFirstAttempt,
    double? P90MinutesToFirstAttempt) : ITabularReport
{
    public static async Task<CallbackReport> BuildAsync(ReportContext report, ReportHeader header)
    {
        var callbacks = report.InScope(report.Db.Callbacks.AsNoTracking()).Where(c => c.Requested && c.Date >= report.From && c.Date <= report.To);
        var counts = await callbacks
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Requested = g.Count(),
                Reached = g.Count(c => c.ReachedAt != null),
                ReachedWithinWindow = g.Count(c => c.ReachedAt != null && c.ReachedWithinWindow),
                Unreachable = g.Count(c => c.UnreachableAt != null),
                Overdue = g.Count(c => c.OverdueAt != null),
                Cancelled = g.Count(c => c.CancelledAt != null),
            })
            .SingleOrDefaultAsync(report.CancellationToken);
        var firstAttempts = await callbacks
            .Where(c => c.FirstAttemptAt != null)
            .Select(c => new { c.WindowStartsAt, c.FirstAttemptAt })
            .ToListAsync(report.CancellationToken);
        var minutesToFirstAttempt = firstAttempts.Select(c => (c.FirstAttemptAt!.Value - c.WindowStartsAt!.Value).TotalMinutes).ToList();

        return new CallbackReport(
            header,
            counts?.Requested ?? 0,
            counts?.Reached ?? 0,
            counts?.ReachedWithinWindow ?? 0,
            counts?.Unreachable ?? 0,
            counts?.Overdue ?? 0,
            counts?.Cancelled ?? 0,
            ReportMath.Share(counts?.ReachedWithinWindow ?? 0, counts?.Requested ?? 0),
            ReportMath.Median(minutesToFirstAttempt),
            ReportMath.Percentile(minutesToFirstAttempt, 90));
    }

    public IReadOnlyList<CsvTable> ToCsv() =>
    [
        new CsvTable(
            ["requested", "reached", "reachedWithinWindow", "unreachable", "overdue", "cancelled", "shareReachedWithinWindow", "medianMinutesToFirstAttempt", "p90MinutesToFirstAttempt"],
            [[Requested, Reached, ReachedWithinWindow, Unreachable, Overdue, Cancelled, ShareReachedWithinWindow, MedianMinutesToFirstAttempt, P90MinutesToFirstAttempt]]),
    ];
}
