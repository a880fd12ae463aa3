using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Quartier.ServiceDefaults.Mail;

/// <summary>
/// Queues messages to residents in the caller's unit of work: they are saved with the next
/// <c>SaveChanges</c>, atomically with the change they tell of, or not at all.
/// </summary>
public sealed class ResidentMail(IOptions<MailOptions> options, TimeProvider time)
{
    public MailOptions Options => options.Value;

    /// <summary>A link to a page of the platform, e.g. <c>appointment/{token}</c>.</summary>
    public Uri Link(string relativePath) => new(options.Value.PublicAddress, relativePath);

    /// <summary>
    /// Queues <paramref name="letter"/> to <paramref name="recipient"/>, to go out at once or not before
    /// <paramref name="sendAfter"/>. An address the services' rule lets through always parses (see
    /// <c>EmailAddressRules</c>); one that does not is an address stored before the rule, and is skipped.
    /// </summary>
    public void Add(DbContext db, string recipient, string kind, Guid? about, ResidentLetter letter, DateTimeOffset? sendAfter = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(letter);
        if (!MimeKit.MailboxAddress.TryParse(recipient, out _))
        {
            return;
        }

        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var due = sendAfter is { } later && later > now ? later : now;
        using var content = new MemoryStream();
        letter.ToMime(id, recipient, options.Value).WriteTo(content);
        db.Set<OutgoingMail>().Add(new OutgoingMail
        {
            Id = id,
            Kind = kind,
            Language = letter.Language,
            About = about,
            Recipient = recipient,
            Content = content.ToArray(),
            CreatedAt = now,
            DueAt = due,
            NextAttemptAt = due,
            State = MailState.Queued,
        });
    }

    /// <summary>Withdraws the messages of <paramref name="kinds"/> about <paramref name="about"/> that are still waiting (a reminder of a cancelled appointment), with the next <c>SaveChanges</c>.</summary>
    public static async Task WithdrawAsync(DbContext db, Guid about, IReadOnlyCollection<string> kinds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var waiting = await db.Set<OutgoingMail>()
            .Where(mail => mail.About == about && kinds.Contains(mail.Kind) && mail.State == MailState.Queued)
            .ToListAsync(cancellationToken);
        db.Set<OutgoingMail>().RemoveRange(waiting);
    }

    /// <summary>
    /// Forgets every message about <paramref name="about"/> whose text or address is still kept —
    /// waiting or set aside — with the next <c>SaveChanges</c> (a resident's erasure). One being sent
    /// right now is deleted by its sender once the server took it.
    /// </summary>
    public static async Task ForgetAsync(DbContext db, Guid about, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var kept = await db.Set<OutgoingMail>()
            .Where(mail => mail.About == about && (mail.State == MailState.Queued || mail.State == MailState.SetAside))
            .ToListAsync(cancellationToken);
        db.Set<OutgoingMail>().RemoveRange(kept);
    }

    /// <summary>The messages about <paramref name="about"/> still kept, for the resident's own copy of their data.</summary>
    public static async Task<IReadOnlyList<KeptMail>> KeptAboutAsync(DbContext db, Guid about, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Set<OutgoingMail>().AsNoTracking()
            .Where(mail => mail.About == about && mail.Recipient != null)
            .OrderBy(mail => mail.CreatedAt)
            .Select(mail => new KeptMail(mail.Kind, mail.Language, mail.Recipient!, mail.State, mail.DueAt))
            .ToListAsync(cancellationToken);
    }
}

/// <summary>A message to a resident as their copy of their data shows it: what kind, to which address, when.</summary>
public sealed record KeptMail(string Kind, string Language, string Recipient, MailState State, DateTimeOffset DueAt);
