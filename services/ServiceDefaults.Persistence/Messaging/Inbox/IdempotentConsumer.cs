using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Quartier.ServiceDefaults.Messaging.Inbox;

/// <summary>
/// A consumer whose effect and the record of the message id commit in one transaction,
/// so a redelivered or duplicated message changes nothing. Events it raises in
/// <see cref="HandleAsync"/> through the outbox commit in that same transaction.
/// </summary>
public abstract partial class IdempotentConsumer<TMessage, TContext>(TContext db, ILogger logger) : IConsumer<TMessage>
    where TMessage : class
    where TContext : DbContext
{
    protected TContext Db { get; } = db;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id; it cannot be deduplicated.");
        var consumer = GetType().Name;

        await using var transaction = await Db.Database.BeginTransactionAsync(context.CancellationToken);
        try
        {
            var firstDelivery = await Db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "InboxMessages" ("MessageId", "Consumer", "ProcessedAt") VALUES ({messageId}, {consumer}, {DateTimeOffset.UtcNow}) ON CONFLICT DO NOTHING""",
                context.CancellationToken) == 1;
            if (!firstDelivery)
            {
                LogDuplicate(logger, typeof(TMessage).Name, messageId, consumer);
                return;
            }

            await HandleAsync(context);
            await Db.SaveChangesAsync(context.CancellationToken);
            await transaction.CommitAsync(context.CancellationToken);
        }
        catch
        {
            // A retry must start from the database's state, not from this attempt's half-applied entities.
            Db.ChangeTracker.Clear();
            throw;
        }
    }

    /// <summary>Applies the message to <see cref="Db"/>; the base class saves and commits.</summary>
    protected abstract Task HandleAsync(ConsumeContext<TMessage> context);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{MessageType} {MessageId} was already processed by {Consumer}; skipped")]
    private static partial void LogDuplicate(ILogger logger, string messageType, Guid messageId, string consumer);
}
