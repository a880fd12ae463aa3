using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartier.Identity.Data;
using Quartier.ServiceDefaults.Hosting;
using Quartier.ServiceDefaults.Privacy;

namespace Quartier.Identity.AccessRecords;

/// <summary>The access record has its own retention (<c>Retention:AccessRecord</c>, two years unless chosen); older entries are deleted.</summary>
public sealed class AccessRecordRetention(IdentityDbContext db, TimeProvider time, IOptions<RetentionPeriods> retention) : IScheduledJob
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    public async Task<string?> RunOnceAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - retention.Value.For(RetentionKind.AccessRecord);
        var deleted = await db.AccessRecords.Where(r => r.ReadAt < before).ExecuteDeleteAsync(cancellationToken);
        return deleted > 0 ? $"deleted {deleted} access records older than {before:u}" : null;
    }
}
