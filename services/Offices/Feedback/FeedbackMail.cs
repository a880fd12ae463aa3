using System.Globalization;
using System.Resources;
using Microsoft.EntityFrameworkCore;
using Quartier.Offices.Data;
using Quartier.ServiceDefaults.Contact;
using Quartier.ServiceDefaults.Mail;

namespace Quartier.Offices.Feedback;

/// <summary>
/// Forwards a resident's report of a barrier to the office's public address, in German (the office's
/// working language), with the resident's address as Reply-To so the office answers them directly.
/// The report is kept only in the mail queue, which deletes it once sent.
/// </summary>
public sealed class FeedbackMail(ResidentMail mail, OfficesDbContext db)
{
    public const string AccessibilityFeedback = "accessibility-feedback";

    // Only the neutral (German) texts are asked for, so the service keeps running without culture data.
    private static readonly ResourceManager Texts = new("Quartier.Offices.Resources.MailTexts", typeof(FeedbackMail).Assembly);

    public async Task<(FeedbackOutcome Outcome, string? OfficeName)> ForwardAsync(Guid officeId, AccessibilityFeedbackRequest report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var office = await db.Offices.SingleOrDefaultAsync(o => o.Id == officeId, cancellationToken);
        if (office is null)
        {
            return (FeedbackOutcome.UnknownOffice, null);
        }

        if (office.ClosedAt is not null)
        {
            return (FeedbackOutcome.OfficeClosed, office.Name);
        }

        if (office.Contact?.Email is not { } address || !MimeKit.MailboxAddress.TryParse(address, out _))
        {
            return (FeedbackOutcome.OfficeHasNoEmail, office.Name);
        }

        List<MailFact> facts = [new(Text("FeedbackMessage"), report.Message.Trim())];
        AddFact(facts, Text("FeedbackWhere"), report.Where);
        AddFact(facts, Text("FeedbackReplyEmail"), report.Email);
        AddFact(facts, Text("FeedbackReplyPhone"), report.Phone is { } phone ? PhoneNumberRules.ToE164(phone) : null);
        AddFact(facts, Text("FeedbackPageLanguage"), report.Language);
        mail.Add(db, address, AccessibilityFeedback, officeId, new ResidentLetter(
            "de",
            $"{Text("FeedbackSubject")} – {office.Name}",
            Text("FeedbackGreeting"),
            [Text("FeedbackIntro"), Text(report.Email is null && report.Phone is null ? "FeedbackNoReply" : "FeedbackAnswer")],
            facts,
            Link: null,
            Text("FeedbackClosing"),
            ReplyTo: report.Email));
        await db.SaveChangesAsync(cancellationToken);
        return (FeedbackOutcome.Queued, office.Name);
    }

    private static string Text(string key) => Texts.GetString(key, CultureInfo.InvariantCulture) ?? throw new KeyNotFoundException($"No mail text '{key}'.");

    private static void AddFact(List<MailFact> facts, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            facts.Add(new MailFact(label, value.Trim()));
        }
    }
}
