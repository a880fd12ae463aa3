using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartier.ServiceDefaults.Hosting;

namespace Quartier.ServiceDefaults.Mail;

/// <summary>Deletes what remains of sent and set-aside messages after <see cref="MailOptions.Retention"/>; a set-aside message loses its address and text with it.</summary>
public sealed class MailHousekeeping<TContext>(TContext db, IOptions<MailOptions> options, TimeProvider time) : IScheduledJob
    where TContext : DbContext
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    public async Task<string?> RunOnceAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - options.Value.Retention;
        var deleted = await db.Set<OutgoingMail>()
            .Where(m => (m.State == MailState.Sent || m.State == MailState.SetAside) && m.DoneAt < before)
            .ExecuteDeleteAsync(cancellationToken);
        return deleted > 0 ? $"{deleted} sent or set-aside message record(s) past retention deleted" : null;
    }
}
