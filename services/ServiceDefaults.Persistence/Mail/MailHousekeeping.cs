using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartier.ServiceDefaults.Hosting;
using Quartier.ServiceDefaults.Privacy;

namespace Quartier.ServiceDefaults.Mail;

/// <summary>
/// Deletes messages past their retention (<c>Retention:Mails</c>): what remains of sent ones, set-aside
/// ones with their address and text, and queued ones that could not go out that long after they were due.
/// </summary>
public sealed class MailHousekeeping<TContext>(TContext db, IOptions<RetentionPeriods> retention, TimeProvider time) : IScheduledJob
    where TContext : DbContext
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    public async Task<string?> RunOnceAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - retention.Value.For(RetentionKind.Mails);
        var deleted = await db.Set<OutgoingMail>()
            .Where(m => ((m.State == MailState.Sent || m.State == MailState.SetAside) && m.DoneAt < before) || (m.State == MailState.Queued && m.DueAt < before))
            .ExecuteDeleteAsync(cancellationToken);
        return deleted > 0 ? $"{deleted} message record(s) past retention deleted" : null;
    }
}
