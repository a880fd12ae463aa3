using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartier.Bookings.Appointments;
using Quartier.Bookings.AppointmentServices;
using Quartier.Bookings.Callbacks;
using Quartier.Bookings.Data;
using Quartier.Bookings.Offices;
using Quartier.Contracts.Bookings;
using Quartier.ServiceDefaults.Mail;

namespace Quartier.Bookings.Mail;

/// <summary>
/// What Bookings writes to residents who gave an e-mail address — appointment confirmed, moved,
/// cancelled and reminded of; callback booked and cancelled — queued in the caller's unit of work,
/// so a message goes out exactly when the change it tells of is committed. The management link is
/// in a message only where the caller holds the secret (booking, moving); later messages point to
/// the office's page instead.
/// </summary>
public sealed class BookingsMail(ResidentMail mail, BookingsDbContext db, IOptions<BookingsOptions> options, TimeProvider time)
{
    public const string AppointmentConfirmed = "appointment-confirmed";
    public const string AppointmentMoved = "appointment-moved";
    public const string AppointmentCancelled = "appointment-cancelled";
    public const string AppointmentReminder = "appointment-reminder";
    public const string CallbackBooked = "callback-booked";
    public const string CallbackCancelled = "callback-cancelled";

    private static readonly MailTextSource Texts = new(typeof(BookingsMail).Assembly, "Quartier.Bookings.Resources.MailTexts");
    private static readonly string[] Reminders = [AppointmentReminder];

    private readonly Dictionary<Guid, BookableOffice> offices = [];

    public async Task AppointmentBookedAsync(Appointment appointment, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        if (appointment.Resident?.Email is not { } email)
        {
            return;
        }

        var (office, service, words) = await AboutAsync(appointment, cancellationToken);
        var when = words.When(appointment.StartsAt, office.Zone());
        mail.Add(db, email, AppointmentConfirmed, appointment.Id, words.Letter(
            words.Format("AppointmentConfirmedSubject", when),
            [words["AppointmentConfirmed"]],
            Facts(words, appointment, office, service),
            new MailLink(words["ManageAppointment"], mail.Link($"appointment/{token}")),
            office.Name,
            Calendar(appointment, office, service, changedAt: null)));
        QueueReminder(email, appointment, office, service, words, token);
    }

    public async Task AppointmentMovedAsync(Appointment appointment, DateTimeOffset previousStart, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        await ResidentMail.WithdrawAsync(db, appointment.Id, Reminders, cancellationToken);
        if (appointment.Resident?.Email is not { } email)
        {
            return;
        }

        var (office, service, words) = await AboutAsync(appointment, cancellationToken);
        var zone = office.Zone();
        mail.Add(db, email, AppointmentMoved, appointment.Id, words.Letter(
            words.Format("AppointmentMovedSubject", words.When(appointment.StartsAt, zone)),
            [words.Format("AppointmentMoved", words.When(previousStart, zone))],
            Facts(words, appointment, office, service),
            new MailLink(words["ManageAppointment"], mail.Link($"appointment/{token}")),
            office.Name,
            Calendar(appointment, office, service, time.GetUtcNow())));
        QueueReminder(email, appointment, office, service, words, token);
    }

    public async Task AppointmentCancelledAsync(Appointment appointment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        await ResidentMail.WithdrawAsync(db, appointment.Id, Reminders, cancellationToken);
        if (appointment.Resident?.Email is not { } email)
        {
            return;
        }

        var (office, service, words) = await AboutAsync(appointment, cancellationToken);
        var reason = appointment.CancelledBy switch
        {
            CancelledBy.Resident => "AppointmentCancelledByResident",
            CancelledBy.OfficeClosed => "AppointmentCancelledOfficeClosed",
            _ => "AppointmentCancelledByStaff",
        };
        mail.Add(db, email, AppointmentCancelled, appointment.Id, words.Letter(
            words.Format("AppointmentCancelledSubject", words.When(appointment.StartsAt, office.Zone())),
            [words[reason]],
            Facts(words, appointment, office, service),
            appointment.CancelledBy == CancelledBy.OfficeClosed ? null : BookAgain(words, office),
            office.Name,
            Calendar(appointment, office, service, time.GetUtcNow())));
    }

    public Task CallbackBookedAsync(CallbackRequest callback, string token, CancellationToken cancellationToken) =>
        QueueCallbackAsync(callback, CallbackBooked, "CallbackBookedSubject", "CallbackBooked",
            (words, _) => new MailLink(words["ManageCallback"], mail.Link($"callback/{token}")), cancellationToken);

    public Task CallbackCancelledAsync(CallbackRequest callback, bool officeClosed, CancellationToken cancellationToken) =>
        QueueCallbackAsync(callback, CallbackCancelled, "CallbackCancelledSubject", officeClosed ? "CallbackCancelledOfficeClosed" : "CallbackCancelledByResident",
            (words, office) => officeClosed ? null : BookAgain(words, office), cancellationToken);

    private async Task QueueCallbackAsync(
        CallbackRequest callback, string kind, string subjectKey, string textKey, Func<MailWording, BookableOffice, MailLink?> link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (callback.Contact?.Email is not { } email)
        {
            return;
        }

        var office = await OfficeAsync(callback.OfficeId, cancellationToken);
        var words = new MailWording(Texts, callback.MessageLanguage);
        var window = words.Between(callback.WindowStartsAt, callback.WindowEndsAt, office.Zone());
        mail.Add(db, email, kind, callback.Id, words.Letter(
            words.Format(subjectKey, window),
            [words[textKey]],
            [new MailFact(words["CallbackWindow"], window)],
            link(words, office),
            office.Name));
    }

    /// <summary>How long before an appointment at <paramref name="office"/> its resident is reminded; null: not at all.</summary>
    public static TimeSpan? ReminderLead(BookableOffice office, BookingsOptions options)
    {
        ArgumentNullException.ThrowIfNull(office);
        ArgumentNullException.ThrowIfNull(options);
        var lead = office.ReminderHoursBefore is { } hours ? TimeSpan.FromHours(hours) : options.ReminderLead;
        return lead > TimeSpan.Zero ? lead : null;
    }

    private void QueueReminder(string email, Appointment appointment, BookableOffice office, AppointmentService service, MailWording words, string token)
    {
        if (ReminderLead(office, options.Value) is not { } lead || appointment.StartsAt - lead <= time.GetUtcNow())
        {
            return;
        }

        var remindAt = appointment.StartsAt - lead;

        mail.Add(db, email, AppointmentReminder, appointment.Id, words.Letter(
            words.Format("AppointmentReminderSubject", words.When(appointment.StartsAt, office.Zone())),
            [words["AppointmentReminder"]],
            Facts(words, appointment, office, service),
            new MailLink(words["ManageAppointment"], mail.Link($"appointment/{token}")),
            office.Name), remindAt);
    }

    private static List<MailFact> Facts(MailWording words, Appointment appointment, BookableOffice office, AppointmentService service)
    {
        var zone = office.Zone();
        List<MailFact> facts =
        [
            new(words["Appointment"], service.NameIn(words.Culture.TwoLetterISOLanguageName)),
            new(words["When"], words.Between(appointment.StartsAt, appointment.EndsAt, zone)),
            new(words["How"], words[$"Channel{appointment.Channel}"]),
        ];
        if (appointment.Channel == AppointmentChannel.InPerson)
        {
            facts.Add(new(words["Where"], $"{office.Name}, {office.Address}"));
        }

        return facts;
    }

    private MailLink BookAgain(MailWording words, BookableOffice office) =>
        new(words["BookAgain"], mail.Link($"offices/{office.OfficeId}"));

    private static MailAttachment Calendar(Appointment appointment, BookableOffice office, AppointmentService service, DateTimeOffset? changedAt) =>
        new("appointment.ics", "text", "calendar",
            System.Text.Encoding.UTF8.GetBytes(AppointmentCalendar.Create(appointment, office, service, changedAt)),
            new Dictionary<string, string> { ["method"] = "PUBLISH" });

    private async Task<(BookableOffice Office, AppointmentService Service, MailWording Words)> AboutAsync(Appointment appointment, CancellationToken cancellationToken)
    {
        var office = await OfficeAsync(appointment.OfficeId, cancellationToken);
        var service = await db.AppointmentServices.AsNoTracking().SingleAsync(s => s.Id == appointment.ServiceId, cancellationToken);
        return (office, service, new MailWording(Texts, appointment.MessageLanguage));
    }

    private async Task<BookableOffice> OfficeAsync(Guid officeId, CancellationToken cancellationToken)
    {
        if (!offices.TryGetValue(officeId, out var office))
        {
            offices[officeId] = office = await db.Offices.AsNoTracking().SingleAsync(o => o.OfficeId == officeId, cancellationToken);
        }

        return office;
    }
}
