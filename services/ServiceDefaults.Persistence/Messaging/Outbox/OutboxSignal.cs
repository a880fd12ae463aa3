using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Quartier.ServiceDefaults.Messaging.Outbox;

/// <summary>Wakes the relay as soon as outbox rows are committed, instead of waiting for its next poll.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Notify()
    {
        // At most one wake-up is pending; the relay drains everything unsent when it runs.
        if (_pending.CurrentCount == 0)
        {
            try
            {
                _pending.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another writer notified at the same moment: one wake-up suffices.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _pending.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _pending.Dispose();
}

/// <summary>Notifies the <see cref="OutboxSignal"/> once outbox rows a context saved are committed.</summary>
public sealed class OutboxSignalInterceptor(OutboxSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        // Inside an explicit transaction the rows become visible only at commit; see TransactionCommittedAsync.
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            NotifyIfOutboxWritten(context);
        }

        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            NotifyIfOutboxWritten(context);
        }

        return Task.CompletedTask;
    }

    // Saved outbox rows stay tracked (unsent) in the writing context; the relay reads without tracking.
    private void NotifyIfOutboxWritten(DbContext context)
    {
        if (context.ChangeTracker.Entries<OutboxMessage>().Any(entry => entry.State == EntityState.Unchanged))
        {
            signal.Notify();
        }
    }
}
