using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartier.Contracts.Engagement;
using Quartier.Engagement.Common;
using Quartier.Engagement.Data;
using Quartier.ServiceDefaults.Hosting;
using Quartier.ServiceDefaults.Messaging.Outbox;

namespace Quartier.Engagement.Shifts;

public sealed class ShiftShortageOptions
{
    /// <summary>A shift still missing volunteers this long before it starts is announced as short (once).</summary>
    public TimeSpan LeadTime { get; set; } = TimeSpan.FromHours(48);

    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Announces <see cref="ShiftShort"/> once per shift when it is within the lead time and not yet
/// full. Rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>, so several instances never announce a shift twice.
/// </summary>
public sealed class ShiftShortageMonitor(IServiceScopeFactory scopes, TimeProvider time, IOptions<ShiftShortageOptions> options, EngagementMetrics metrics)
    : IScheduledJob
{
    public async Task<string?> RunOnceAsync(CancellationToken cancellationToken) =>
        await DetectAsync(cancellationToken) is var found and > 0 ? $"{found} shifts announced as short" : null;

    public async Task<int> DetectAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngagementDbContext>();
        var now = time.GetUtcNow();
        var horizon = now + options.Value.LeadTime;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Database.SqlQuery<Guid>($"""
            SELECT "Id" AS "Value" FROM "Shifts"
            WHERE "ShortAnnouncedAt" IS NULL AND "SignedUp" < "Needed" AND "StartsAt" > {now} AND "StartsAt" <= {horizon}
            ORDER BY "StartsAt" LIMIT 500
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        var shifts = await db.Shifts.Where(s => claimed.Contains(s.Id)).ToListAsync(cancellationToken);
        foreach (var shift in shifts)
        {
            shift.ShortAnnouncedAt = now;
            db.AddIntegrationEvent(new ShiftShort(shift.Id, shift.OpportunityId, shift.OfficeId, shift.StartsAt, shift.EndsAt, shift.Needed, shift.SignedUp, now), time);
            metrics.ShiftShort();
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return shifts.Count;
    }
}
