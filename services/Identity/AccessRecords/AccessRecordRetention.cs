using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartier.Identity.Data;
using Quartier.Identity.Tokens;
using Quartier.ServiceDefaults.Hosting;

namespace Quartier.Identity.AccessRecords;

/// <summary>The access record has its own retention (<c>Identity:AccessRecordRetention</c>); older entries are deleted.</summary>
public sealed class AccessRecordRetention(IdentityDbContext db, TimeProvider time, IOptions<IdentityServerOptions> options) : IScheduledJob
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    public async Task<string?> RunOnceAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - options.Value.AccessRecordRetention;
        var deleted = await db.AccessRecords.Where(r => r.ReadAt < before).ExecuteDeleteAsync(cancellationToken);
        return deleted > 0 ? $"deleted {deleted} access records older than {before:u}" : null;
    }
}
