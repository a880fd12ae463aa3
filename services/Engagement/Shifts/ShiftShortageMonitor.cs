using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartier.Contracts.Engagement;
using Quartier.Engagement.Common;
using Quartier.Engagement.Data;
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
public sealed partial class ShiftShortageMonitor(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<ShiftShortageOptions> options, EngagementMetrics metrics, ILogger<ShiftShortageMonitor> logger)
    : BackgroundService
{
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckInterval, time);
        do
        {
            try
            {
                await DetectAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for short shifts failed; trying again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
