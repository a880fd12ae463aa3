using Microsoft.EntityFrameworkCore;
using Quartier.Bookings.Data;
using Quartier.Bookings.Diagnostics;
using Quartier.Contracts.Bookings;
using Quartier.ServiceDefaults.Hosting;
using Quartier.ServiceDefaults.Messaging.Outbox;

namespace Quartier.Bookings.Callbacks;

/// <summary>
/// Finds callback requests whose window has passed without a single attempt, marks them overdue and
/// announces each once. Rows are locked with SKIP LOCKED, so several instances never announce one twice.
/// </summary>
public sealed class OverdueCallbacks(BookingsDbContext db, TimeProvider time, BookingsMetrics metrics) : IScheduledJob
{
    private const int BatchSize = 500;

    public async Task<string?> RunOnceAsync(CancellationToken cancellationToken) =>
        await DetectAsync(cancellationToken) is var found and > 0 ? $"{found} callback requests became overdue" : null;

    public async Task<int> DetectAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var open = nameof(CallbackStatus.Open);
        var overdue = await db.CallbackRequests
            .FromSql($"""
                SELECT *, xmin FROM "CallbackRequests"
                WHERE "Status" = {open} AND "OverdueAt" IS NULL AND "WindowEndsAt" < {now} AND jsonb_array_length("Attempts") = 0
                ORDER BY "WindowEndsAt"
                LIMIT {BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);
        foreach (var callback in overdue)
        {
            callback.MarkOverdue(now);
            db.AddIntegrationEvent(new CallbackOverdue(callback.Id, callback.OfficeId, callback.WindowEndsAt, now), time);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        metrics.CallbacksOverdue(overdue.Count);
        return overdue.Count;
    }
}
