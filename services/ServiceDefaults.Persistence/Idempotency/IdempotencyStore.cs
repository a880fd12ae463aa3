using Microsoft.EntityFrameworkCore;

namespace Quartier.ServiceDefaults.Idempotency;

public sealed record StoredAnswer(int StatusCode, string? ContentType, string? Location, byte[] Body);

/// <summary>Where the service keeps idempotent requests: its own database.</summary>
public interface IIdempotencyStore
{
    /// <summary>Records the request as in progress and returns null, or returns the earlier request with that key.</summary>
    Task<IdempotentRequest?> TryBeginAsync(string key, string target, string requestHash, CancellationToken cancellationToken);

    Task<IdempotentRequest?> FindAsync(string key, string target, CancellationToken cancellationToken);

    Task CompleteAsync(string key, string target, StoredAnswer answer, CancellationToken cancellationToken);

    Task ForgetAsync(string key, string target, CancellationToken cancellationToken);
}

internal sealed class IdempotencyStore<TContext>(TContext db, TimeProvider time) : IIdempotencyStore
    where TContext : DbContext
{
    public async Task<IdempotentRequest?> TryBeginAsync(string key, string target, string requestHash, CancellationToken cancellationToken)
    {
        // The primary key decides between two submits racing each other, also across instances.
        var now = time.GetUtcNow();
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "IdempotentRequests" ("Key", "Target", "RequestHash", "CreatedAt") VALUES ({key}, {target}, {requestHash}, {now}) ON CONFLICT DO NOTHING""",
            cancellationToken);
        if (inserted == 1)
        {
            return null;
        }

        var abandonedBefore = now - IdempotencyMiddleware.AbandonedAfter;
        var takenOver = await db.Set<IdempotentRequest>()
            .Where(r => r.Key == key && r.Target == target && r.RequestHash == requestHash && r.StatusCode == null && r.CreatedAt < abandonedBefore)
            .ExecuteUpdateAsync(update => update.SetProperty(r => r.CreatedAt, now), cancellationToken);
        return takenOver == 1 ? null : await FindAsync(key, target, cancellationToken);
    }

    public Task<IdempotentRequest?> FindAsync(string key, string target, CancellationToken cancellationToken) =>
        db.Set<IdempotentRequest>().AsNoTracking().SingleOrDefaultAsync(r => r.Key == key && r.Target == target, cancellationToken);

    public Task CompleteAsync(string key, string target, StoredAnswer answer, CancellationToken cancellationToken) =>
        db.Set<IdempotentRequest>()
            .Where(r => r.Key == key && r.Target == target)
            .ExecuteUpdateAsync(
                update => update
                    .SetProperty(r => r.StatusCode, answer.StatusCode)
                    .SetProperty(r => r.ContentType, answer.ContentType)
                    .SetProperty(r => r.Location, answer.Location)
                    .SetProperty(r => r.ResponseBody, answer.Body),
                cancellationToken);

    public Task ForgetAsync(string key, string target, CancellationToken cancellationToken) =>
        db.Set<IdempotentRequest>().Where(r => r.Key == key && r.Target == target).ExecuteDeleteAsync(cancellationToken);
}
