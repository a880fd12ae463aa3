using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartier.ServiceDefaults.Idempotency;
using Quartier.ServiceDefaults.Messaging.Inbox;

namespace Quartier.ServiceDefaults.Persistence;

/// <summary>
/// Keeps the platform tables small: stored answers to idempotent requests (which may hold personal
/// data) go after a day; inbox records after a week, far beyond any redelivery.
/// </summary>
public sealed partial class Housekeeping<TContext>(IServiceScopeFactory scopes, TimeProvider time, ILogger<Housekeeping<TContext>> logger)
    : BackgroundService
    where TContext : DbContext
{
    public static readonly TimeSpan IdempotentAnswersKept = TimeSpan.FromDays(1);
    public static readonly TimeSpan InboxKept = TimeSpan.FromDays(7);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TContext>();
                var now = time.GetUtcNow();
                var answersBefore = now - IdempotentAnswersKept;
                var inboxBefore = now - InboxKept;
                await db.Set<IdempotentRequest>().Where(r => r.CreatedAt < answersBefore).ExecuteDeleteAsync(stoppingToken);
                await db.Set<InboxMessage>().Where(m => m.ProcessedAt < inboxBefore).ExecuteDeleteAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Housekeeping of the platform tables failed; trying again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
