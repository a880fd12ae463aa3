using System.Diagnostics;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Quartier.ServiceDefaults.Mail;

/// <summary>
/// Sends committed messages to residents over SMTP, oldest due first, and forgets their text and
/// address once the server accepted them. A failed attempt waits longer each time; a message refused
/// for good or failing <see cref="MailOptions.Attempts"/> times is set aside. Instances of a service
/// claim disjoint batches (<c>FOR UPDATE SKIP LOCKED</c>). A claim that outlives its sender (a crash
/// mid-send) is set aside, not sent again: the server may already have accepted it.
/// </summary>
public sealed partial class MailSender<TContext>(
    IServiceScopeFactory scopes,
    IOptionsMonitor<MailOptions> options,
    MailMetrics metrics,
    TimeProvider time,
    ILogger<MailSender<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private const int BatchSize = 50;
    private const int ErrorLength = 500;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);
    /// <summary>How often abandoned claims are looked for and the gauges refreshed: not on every poll.</summary>
    private static readonly TimeSpan UpkeepInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ServerTimeout = TimeSpan.FromSeconds(30);
    private static readonly ActivitySource Source = new(Telemetry.TelemetryExtensions.SourcePrefix + "Mail");

    private DateTimeOffset _lastUpkeep = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.CurrentValue.Host))
        {
            LogNoServer(logger);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sent = await RunOnceAsync(stoppingToken);
                if (sent < BatchSize)
                {
                    await Task.Delay(PollInterval, time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database is away: every message stays queued until it is back.
                LogRoundFailed(logger, exception);
                await Task.Delay(PollInterval * 5, time, stoppingToken);
            }
        }
    }

    /// <summary>One round: sets aside abandoned claims, then claims and sends one batch. Answers how many were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var settings = options.CurrentValue;
        var now = time.GetUtcNow();
        if (now - _lastUpkeep >= UpkeepInterval)
        {
            await SetAsideAbandonedAsync(db, now, cancellationToken);
            await ObserveAsync(db, now, cancellationToken);
            _lastUpkeep = now;
        }

        if (string.IsNullOrWhiteSpace(settings.Host))
        {
            return 0;
        }

        var batch = await ClaimAsync(db, now, cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        using var activity = Source.StartActivity("mail send");
        activity?.SetTag("quartier.mail.batch", batch.Count);
        using var smtp = new SmtpClient { Timeout = (int)ServerTimeout.TotalMilliseconds };
        try
        {
            await smtp.ConnectAsync(settings.Host, settings.Port, settings.Security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await smtp.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogServerUnavailable(logger, settings.Host, settings.Port, exception.Message);
            foreach (var mail in batch)
            {
                await FailedAsync(db, mail, exception.Message, permanent: false, settings, cancellationToken);
            }

            return batch.Count;
        }

        for (var index = 0; index < batch.Count; index++)
        {
            var mail = batch[index];
            if (cancellationToken.IsCancellationRequested || !smtp.IsConnected)
            {
                await ReleaseAsync(db, batch.Skip(index), CancellationToken.None);
                break;
            }

            try
            {
                using var content = new MemoryStream(mail.Content!);
                var message = await MimeMessage.LoadAsync(content, CancellationToken.None);
                // Not cancelled half-way: a message is either handed over whole or not at all.
                await smtp.SendAsync(message, CancellationToken.None);
                await SentAsync(db, mail, CancellationToken.None);
            }
            catch (SmtpCommandException refused)
            {
                await FailedAsync(db, mail, refused.Message, permanent: (int)refused.StatusCode >= 500, settings, CancellationToken.None);
            }
            catch (Exception broken) when (broken is IOException or SmtpProtocolException or ServiceNotConnectedException or TimeoutException)
            {
                // The connection broke before the server confirmed the message: it was not accepted.
                await FailedAsync(db, mail, broken.Message, permanent: false, settings, CancellationToken.None);
            }
        }

        if (smtp.IsConnected)
        {
            await smtp.DisconnectAsync(quit: true, CancellationToken.None);
        }

        return batch.Count;
    }

    private static async Task<List<OutgoingMail>> ClaimAsync(TContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var queued = nameof(MailState.Queued);
        var batch = await db.Set<OutgoingMail>()
            .FromSql($"""
                SELECT * FROM "OutgoingMails"
                WHERE "State" = {queued} AND "NextAttemptAt" <= {now}
                ORDER BY "NextAttemptAt"
                LIMIT {BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);
        foreach (var mail in batch)
        {
            mail.State = MailState.Sending;
            mail.ClaimedUntil = now + ClaimLease;
            mail.Attempts++;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return batch;
    }

    private async Task SentAsync(TContext db, OutgoingMail mail, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await db.Set<OutgoingMail>().Where(m => m.Id == mail.Id).ExecuteUpdateAsync(update => update
            .SetProperty(m => m.State, MailState.Sent)
            .SetProperty(m => m.DoneAt, now)
            .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.Recipient, (string?)null)
            .SetProperty(m => m.Content, (byte[]?)null), cancellationToken);
        metrics.Sent(mail.Kind, now - mail.DueAt);
    }

    private async Task FailedAsync(TContext db, OutgoingMail mail, string error, bool permanent, MailOptions settings, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var reason = WithoutAddress(error, mail.Recipient);
        metrics.Failed(mail.Kind);
        if (permanent || mail.Attempts >= settings.Attempts)
        {
            metrics.SetAside(mail.Kind);
            LogSetAside(logger, mail.Id, mail.Kind, mail.Attempts, reason);
            await db.Set<OutgoingMail>().Where(m => m.Id == mail.Id).ExecuteUpdateAsync(update => update
                .SetProperty(m => m.State, MailState.SetAside)
                .SetProperty(m => m.DoneAt, now)
                .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.LastError, reason), cancellationToken);
            return;
        }

        var next = now + settings.RetryAfter(mail.Attempts);
        await db.Set<OutgoingMail>().Where(m => m.Id == mail.Id).ExecuteUpdateAsync(update => update
            .SetProperty(m => m.State, MailState.Queued)
            .SetProperty(m => m.NextAttemptAt, next)
            .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, reason), cancellationToken);
    }

    /// <summary>Claimed but not tried (the service is stopping): back in the queue as they were.</summary>
    private static async Task ReleaseAsync(TContext db, IEnumerable<OutgoingMail> untried, CancellationToken cancellationToken)
    {
        var ids = untried.Select(mail => mail.Id).ToList();
        await db.Set<OutgoingMail>().Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(update => update
            .SetProperty(m => m.State, MailState.Queued)
            .SetProperty(m => m.Attempts, m => m.Attempts - 1)
            .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), cancellationToken);
    }

    private async Task SetAsideAbandonedAsync(TContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var abandoned = await db.Set<OutgoingMail>().Where(m => m.State == MailState.Sending && m.ClaimedUntil < now)
            .ExecuteUpdateAsync(update => update
                .SetProperty(m => m.State, MailState.SetAside)
                .SetProperty(m => m.DoneAt, now)
                .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.LastError, "The sender stopped while sending it; the server may have accepted it. Retry only if the resident did not receive it."), cancellationToken);
        if (abandoned > 0)
        {
            LogAbandoned(logger, abandoned);
        }
    }

    private async Task ObserveAsync(TContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var waiting = await db.Set<OutgoingMail>()
            .Where(m => (m.State == MailState.Queued || m.State == MailState.Sending) && m.DueAt <= now)
            .GroupBy(_ => 1)
            .Select(due => new { Count = due.LongCount(), Oldest = due.Min(m => m.DueAt) })
            .SingleOrDefaultAsync(cancellationToken);
        metrics.Waiting(waiting?.Count ?? 0, waiting is null ? TimeSpan.Zero : now - waiting.Oldest);
    }

    private static string WithoutAddress(string error, string? recipient)
    {
        var text = string.IsNullOrEmpty(recipient) ? error : error.Replace(recipient, "<recipient>", StringComparison.OrdinalIgnoreCase);
        return text.Length <= ErrorLength ? text : text[..ErrorLength];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No SMTP server is configured (Mail:Host): messages to residents are queued and wait")]
    private static partial void LogNoServer(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP server {Host}:{Port} not reachable ({Reason}); the messages wait and are tried again")]
    private static partial void LogServerUnavailable(ILogger logger, string host, int port, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending mail failed; trying again")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MailId} ({Kind}) set aside after {Attempts} attempt(s): {Reason}")]
    private static partial void LogSetAside(ILogger logger, Guid mailId, string kind, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} message(s) were being sent when their sender stopped; set aside for an operator (mail verb)")]
    private static partial void LogAbandoned(ILogger logger, int count);
}
