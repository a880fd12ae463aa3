using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Quartier.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Publishes committed outbox rows to RabbitMQ in commit order, then marks them sent.
/// At-least-once: a crash between publish and mark republishes, and consumers' inboxes absorb that.
/// Instances of a service take turns through a transaction-scoped advisory lock, so two of them
/// never publish the same rows at once.
/// </summary>
public sealed partial class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    TimeProvider time,
    OutboxMetrics metrics,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private const int BatchSize = 200;

    /// <summary>Arbitrary but fixed: one relay lock per service database.</summary>
    private const long RelayLockKey = 0x5155_4152_5449_4552;

    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan BusyLinger = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan SentRetention = TimeSpan.FromHours(1);
    private static readonly TimeSpan CleanupInterval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MinBackoff = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    private static readonly ActivitySource Source = new(Telemetry.TelemetryExtensions.SourcePrefix + "Outbox");

    private DateTimeOffset _lastCleanup = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (backoff > TimeSpan.Zero)
                {
                    await Task.Delay(backoff, time, stoppingToken);
                }

                var relayed = await RelayBatchAsync(stoppingToken);
                backoff = TimeSpan.Zero;
                if (relayed < BatchSize)
                {
                    await signal.WaitAsync(PollInterval, stoppingToken);
                }

                // Busy: let a few more commits gather, so a batch costs its round trips once for many
                // events instead of once for each. After a quiet spell the first event goes out at once.
                if (relayed > 0 && relayed < BatchSize)
                {
                    await Task.Delay(BusyLinger, time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // Broker or database away: everything stays in the outbox until they are back.
                backoff = TimeSpan.FromTicks(Math.Clamp(backoff.Ticks * 2, MinBackoff.Ticks, MaxBackoff.Ticks));
                LogRelayFailed(logger, exception, backoff.TotalSeconds);
            }
        }
    }

    private async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var isOurTurn = await db.Database
            .SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({RelayLockKey}) AS \"Value\"")
            .SingleAsync(cancellationToken);
        if (!isOurTurn)
        {
            return 0;
        }

        var batch = await db.Set<OutboxMessage>()
            .AsNoTracking()
            .Where(message => message.SentAt == null)
            .OrderBy(message => message.Sequence)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        if (batch.Count > 0)
        {
            // Published back to back and confirmed together: the broker receives them in commit order
            // without a round trip each. If one fails, the whole batch is published again later.
            // The publishes get no token (a publish cancelled while the broker is away can leave its
            // message type unpublishable afterwards); the wait is bounded instead. A publish that outlives
            // it goes on in the background, and a copy it delivers later is absorbed by the inboxes.
            await Task.WhenAll(batch.Select(PublishAsync)).WaitAsync(PublishTimeout, time, cancellationToken);

            var sentAt = time.GetUtcNow();
            var sequences = batch.Select(message => message.Sequence).ToList();
            await db.Set<OutboxMessage>()
                .Where(message => sequences.Contains(message.Sequence))
                .ExecuteUpdateAsync(update => update.SetProperty(message => message.SentAt, sentAt), cancellationToken);
        }

        // A partial batch drained the outbox; after a full one, count what is still waiting.
        metrics.Backlog(batch.Count < BatchSize ? 0 : await db.Set<OutboxMessage>().LongCountAsync(message => message.SentAt == null, cancellationToken));
        await CleanUpSentAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return batch.Count;
    }

    private async Task PublishAsync(OutboxMessage message)
    {
        ActivityContext.TryParse(message.TraceParent, message.TraceState, out var parent);
        using var activity = Source.StartActivity("outbox relay", ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.id", message.MessageId);

        var (type, body) = message.Deserialize();
        await bus.Publish(body, type, Pipe.Execute<PublishContext>(context => context.MessageId = message.MessageId));

        metrics.Published(type.Name, time.GetUtcNow() - message.CreatedAt);
    }

    private async Task CleanUpSentAsync(TContext db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - _lastCleanup < CleanupInterval)
        {
            return;
        }

        var cutoff = now - SentRetention;
        await db.Set<OutboxMessage>()
            .Where(message => message.SentAt != null && message.SentAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
        _lastCleanup = now;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay failed; retrying in {BackoffSeconds} s")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception, double backoffSeconds);
}
