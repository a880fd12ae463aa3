using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartier.Bookings.Data;
using Quartier.Bookings.Diagnostics;
using Quartier.Contracts.Bookings;
using Quartier.ServiceDefaults.Messaging.Outbox;

namespace Quartier.Bookings.Callbacks;

/// <summary>
/// Finds callback requests whose window has passed without a single attempt, marks them overdue and
/// announces each once. Rows are locked with SKIP LOCKED, so several instances never announce one twice.
/// </summary>
public sealed class OverdueCallbacks(BookingsDbContext db, TimeProvider time, BookingsMetrics metrics)
{
    private const int BatchSize = 500;

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

public sealed partial class OverdueCallbackMonitor(IServiceScopeFactory scopes, TimeProvider time, IOptions<BookingsOptions> options, ILogger<OverdueCallbackMonitor> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.OverdueCheckInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var found = await scope.ServiceProvider.GetRequiredService<OverdueCallbacks>().DetectAsync(stoppingToken);
                if (found > 0)
                {
                    LogOverdue(logger, found);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} callback requests became overdue")]
    private static partial void LogOverdue(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Detecting overdue callbacks failed; trying again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
