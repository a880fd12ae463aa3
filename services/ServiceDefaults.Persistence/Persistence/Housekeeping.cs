using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartier.ServiceDefaults.Hosting;
using Quartier.ServiceDefaults.Idempotency;
using Quartier.ServiceDefaults.Messaging.Inbox;
using Quartier.ServiceDefaults.Privacy;

namespace Quartier.ServiceDefaults.Persistence;

/// <summary>
/// Keeps the platform tables small: stored answers to idempotent requests (which may hold personal
/// data) go after their retention (<c>Retention:IdempotentAnswers</c>, a day unless chosen); inbox
/// records after a week, far beyond any redelivery.
/// </summary>
public sealed class Housekeeping<TContext>(TContext db, TimeProvider time, IOptions<RetentionPeriods> retention) : IScheduledJob
    where TContext : DbContext
{
    public static readonly TimeSpan InboxKept = TimeSpan.FromDays(7);
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    public async Task<string?> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var answersBefore = now - retention.Value.For(RetentionKind.IdempotentAnswers);
        var inboxBefore = now - InboxKept;
        await db.Set<IdempotentRequest>().Where(r => r.CreatedAt < answersBefore).ExecuteDeleteAsync(cancellationToken);
        await db.Set<InboxMessage>().Where(m => m.ProcessedAt < inboxBefore).ExecuteDeleteAsync(cancellationToken);
        return null;
    }
}
