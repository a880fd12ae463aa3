using Microsoft.EntityFrameworkCore;
using Quartier.Engagement.Data;
using Quartier.Engagement.Events;
using Quartier.Engagement.Offices;
using Quartier.Engagement.Registrations;
using Quartier.Engagement.Volunteers;
using Quartier.ServiceDefaults.Mail;

namespace Quartier.Engagement.Mail;

/// <summary>
/// What Engagement writes to residents who registered for an event with an e-mail address —
/// registered, waitlisted, moved up from the waitlist, event moved or cancelled — and to volunteers who signed
/// up with one, queued in the caller's unit of work. The management link is in a message only where the caller holds the secret (registering):
/// the first message carries it, the later ones refer to it.
/// </summary>
public sealed class EngagementMail(ResidentMail mail, EngagementDbContext db)
{
    public const string RegistrationConfirmed = "registration-confirmed";
    public const string RegistrationWaitlisted = "registration-waitlisted";
    public const string RegistrationPromoted = "registration-promoted";
    public const string EventCancelled = "event-cancelled";
    public const string EventChanged = "event-changed";
    public const string VolunteerSignedUp = "volunteer-signed-up";

    private static readonly MailTextSource Texts = new(typeof(EngagementMail).Assembly, "Quartier.Engagement.Resources.MailTexts");

    private readonly Dictionary<Guid, HostOffice> offices = [];

    /// <summary>Confirmed, or waitlisted at <paramref name="position"/>.</summary>
    public Task RegisteredAsync(Registration registration, CommunityEvent registeredFor, string token, int? position, CancellationToken cancellationToken) =>
        position is { } place
            ? QueueAsync(registration, registeredFor, RegistrationWaitlisted, "RegistrationWaitlistedSubject", words => words.Format("RegistrationWaitlisted", place), words => new(words["ManageRegistration"], mail.Link($"registration/{token}")), cancellationToken)
            : QueueAsync(registration, registeredFor, RegistrationConfirmed, "RegistrationConfirmedSubject", words => words["RegistrationConfirmed"], words => new(words["ManageRegistration"], mail.Link($"registration/{token}")), cancellationToken);

    public Task PromotedAsync(Registration registration, CommunityEvent registeredFor, CancellationToken cancellationToken) =>
        QueueAsync(registration, registeredFor, RegistrationPromoted, "RegistrationPromotedSubject", words => words["RegistrationPromoted"], _ => null, cancellationToken);

    public Task EventCancelledAsync(Registration registration, CommunityEvent cancelled, CancellationToken cancellationToken) =>
        QueueAsync(registration, cancelled, EventCancelled, "EventCancelledSubject", words => words["EventCancelled"], _ => null, cancellationToken);

    /// <summary>The event moved (time or place): the message shows it as it now is.</summary>
    public Task EventChangedAsync(Registration registration, CommunityEvent changed, CancellationToken cancellationToken) =>
        QueueAsync(registration, changed, EventChanged, "EventChangedSubject", words => words["EventChanged"], _ => null, cancellationToken);

    /// <summary>The volunteer's own link, to the page that shows and erases what is stored; only with an e-mail address.</summary>
    public async Task SignedUpAsync(Volunteer volunteer, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(volunteer);
        if (volunteer.Email is not { } email)
        {
            return;
        }

        var office = await OfficeAsync(volunteer.OfficeId, cancellationToken);
        var words = new MailWording(Texts, volunteer.MessageLanguage);
        mail.Add(db, email, VolunteerSignedUp, volunteer.Id, words.Letter(
            words.Format("VolunteerSignedUpSubject", office.Name),
            [words["VolunteerSignedUp"]],
            [],
            new MailLink(words["ManageVolunteering"], mail.Link($"volunteer/{token}/my-data")),
            office.Name));
    }

    private async Task QueueAsync(
        Registration registration, CommunityEvent about, string kind, string subjectKey,
        Func<MailWording, string> text, Func<MailWording, MailLink?> link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(about);
        if (registration.Email is not { } email)
        {
            return;
        }

        var office = await OfficeAsync(about.OfficeId, cancellationToken);
        var words = new MailWording(Texts, registration.MessageLanguage);
        var title = Title(about, words.Culture.TwoLetterISOLanguageName);
        mail.Add(db, email, kind, registration.Id, words.Letter(
            words.Format(subjectKey, title),
            [text(words)],
            [
                new MailFact(words["Event"], title),
                new MailFact(words["When"], words.Between(about.StartsAt, about.EndsAt, TimeZoneInfo.FindSystemTimeZoneById(office.TimeZone))),
                new MailFact(words["Where"], about.Place),
                new MailFact(words["People"], registration.People.ToString(words.Culture)),
            ],
            link(words),
            office.Name));
    }

    private static string Title(CommunityEvent about, string language) =>
        (about.Texts.FirstOrDefault(text => text.Language == language) ?? about.Texts.FirstOrDefault(text => text.Language == "de") ?? about.Texts.First()).Title;

    private async Task<HostOffice> OfficeAsync(Guid officeId, CancellationToken cancellationToken)
    {
        if (!offices.TryGetValue(officeId, out var office))
        {
            offices[officeId] = office = await db.Offices.AsNoTracking().SingleAsync(o => o.OfficeId == officeId, cancellationToken);
        }

        return office;
    }
}
