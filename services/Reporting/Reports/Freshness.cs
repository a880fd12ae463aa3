using Microsoft.EntityFrameworkCore;
using Quartier.Reporting.Data;

namespace Quartier.Reporting.Reports;

/// <summary>
/// How complete a report is: read models are updated in the same transaction as the log, so the
/// report holds every event up to this log position, the last of them received at this moment.
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
