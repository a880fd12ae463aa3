using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Quartier.ServiceDefaults.Mail;

/// <summary>
/// The operators' verb for messages to residents: <c>mail</c> counts them by state and lists those set
/// aside (kind, when, attempts, last error; never address or text); <c>mail retry ID|all</c> queues
/// set-aside messages again.
/// </summary>
public interface IMailCommand
{
    Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken);
}

/// <inheritdoc cref="IMailCommand"/>
public sealed class MailCommand<TContext>(IServiceProvider services, TimeProvider time) : IMailCommand
    where TContext : DbContext
{
    public const string Verb = "mail";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var mails = db.Set<OutgoingMail>();
        switch (args)
        {
            case []:
                foreach (var state in await mails.GroupBy(m => m.State).Select(g => new { State = g.Key, Count = g.Count() }).OrderBy(g => g.State).ToListAsync(cancellationToken))
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{state.State}: {state.Count}"));
                }

                foreach (var mail in await mails.AsNoTracking().Where(m => m.State == MailState.SetAside).OrderBy(m => m.DoneAt).ToListAsync(cancellationToken))
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{mail.Id} {mail.Kind} {mail.Language} queued {mail.CreatedAt:u} set aside {mail.DoneAt:u} after {mail.Attempts} attempt(s){(mail.Content is null ? " (text deleted)" : string.Empty)}: {mail.LastError}"));
                }

                return 0;
            case ["retry", var which]:
                var retried = mails.Where(m => m.State == MailState.SetAside && m.Content != null && m.Recipient != null);
                if (which != "all")
                {
                    if (!Guid.TryParse(which, out var id))
                    {
                        await output.WriteLineAsync("usage: mail retry <id>|all");
                        return 2;
                    }

                    retried = retried.Where(m => m.Id == id);
                }

                var now = time.GetUtcNow();
                var count = await retried.ExecuteUpdateAsync(update => update
                    .SetProperty(m => m.State, MailState.Queued)
                    .SetProperty(m => m.Attempts, 0)
                    .SetProperty(m => m.NextAttemptAt, now)
                    .SetProperty(m => m.DoneAt, (DateTimeOffset?)null), cancellationToken);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{count} message(s) queued again"));
                return count > 0 ? 0 : 1;
            default:
                await output.WriteLineAsync("usage: mail | mail retry <id>|all");
                return 2;
        }
    }
}
