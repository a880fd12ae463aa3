using Microsoft.EntityFrameworkCore;
using Quartier.Reporting.Data;

namespace Quartier.Reporting.Reports;

/// <summary>
/// How complete a report is: read models change in the same transaction as the log, so the report
/// holds the latest logged event (its log position, when it was received and when it happened at the
/// source). Consumers commit in parallel, so an event received a moment earlier may still be in flight.
/// </summary>
public sealed record Freshness(long LogPosition, DateTimeOffset? LastReceivedAt, DateTimeOffset? LastOccurredAt)
{
    public static async Task<Freshness> ReadAsync(ReportingDbContext db, CancellationToken cancellationToken)
    {
        var latest = await db.EventLog.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new Freshness(e.Sequence, e.ReceivedAt, e.OccurredAt))
            .FirstOrDefaultAsync(cancellationToken);
        return latest ?? new Freshness(0, null, null);
    }
}
