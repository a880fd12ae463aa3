using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Quartier.Bookings.Appointments;
using Quartier.Bookings.Callbacks;
using Quartier.Bookings.Data;
using Quartier.Bookings.Diagnostics;
using Quartier.ServiceDefaults.Messaging.Outbox;
using Quartier.Contracts.Bookings;
using Quartier.ServiceDefaults.Mail;
using Quartier.ServiceDefaults.Privacy;

namespace Quartier.Bookings.Privacy;

/// <summary>
/// The resident's rights by the management link (GDPR Art. 15, 17, 20): everything stored about the
/// booking as JSON, and erasure at once. Erasing does what the retention period would do early: the
/// name and contact go, every message about the booking still kept is forgotten, and the booking stays
/// with its anonymous facts, so the office's figures do not change (a resident who will not come
/// cancels first); an open callback request is cancelled, as no one could call back. An erased or expired link answers 404 like an unknown one; erasing again answers
/// the same as the first time.
/// </summary>
public static class PersonalDataEndpoints
{
    private static readonly string[] AppointmentRemains = ["office", "service", "channel", "time", "status", "language", "interpreterNeeded", "fieldOfAction"];
    private static readonly string[] CallbackRemains = ["office", "window", "status", "language", "fieldOfAction", "attempts"];

    public static IEndpointRouteBuilder MapResidentsOwnData(this IEndpointRouteBuilder app)
    {
        app.MapPersonalData(AppointmentEndpoints.ManagePath, "appointment", ExportAppointment, EraseAppointment, "the appointment stays, anonymous");
        app.MapPersonalData(CallbackEndpoints.ManagePath, "callback request", ExportCallback, EraseCallback, "an open request is cancelled, as no one could call back");
        return app;
    }

    private static async Task<Results<Ok<AppointmentData>, NotFound>> ExportAppointment(string token, BookingsDbContext db, CancellationToken cancellationToken)
    {
        var hash = ManagementToken.Hash(token);
        var appointment = await db.Appointments.AsNoTracking().SingleOrDefaultAsync(a => a.ManagementTokenHash == hash && a.PersonalDataPurgedAt == null, cancellationToken);
        if (appointment is null)
        {
            return TypedResults.NotFound();
        }

        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.OfficeId == appointment.OfficeId, cancellationToken);
        var service = await db.AppointmentServices.AsNoTracking().SingleAsync(s => s.Id == appointment.ServiceId, cancellationToken);
        return TypedResults.Ok(new AppointmentData(
            appointment.Id, office.Name, service.Names, appointment.Channel, appointment.StartsAt, appointment.EndsAt, appointment.Status,
            appointment.BookedAt, appointment.Language, appointment.InterpreterNeeded, appointment.MessageLanguage, appointment.FieldOfAction,
            appointment.Resident is { } resident ? new ResidentData(resident.Name, resident.Phone, resident.Email, resident.Topic, resident.ConsentTextVersion, resident.ConsentLanguage, resident.ConsentGivenAt) : null,
            appointment.CancelledBy, appointment.CancelledAt, appointment.OutcomeFieldOfAction, appointment.ReferredToOtherOrganisation, appointment.RecordedAt,
            await ResidentMail.KeptAboutAsync(db, appointment.Id, cancellationToken)));
    }

    private static async Task<Results<Ok<PersonalDataErased>, NotFound>> EraseAppointment(
        string token, BookingsDbContext db, BookingsMetrics metrics, TimeProvider time, CancellationToken cancellationToken)
    {
        var hash = ManagementToken.Hash(token);
        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.ManagementTokenHash == hash, cancellationToken);
        if (appointment is null)
        {
            return TypedResults.NotFound();
        }

        if (appointment.PersonalDataPurgedAt is null)
        {
            appointment.Resident = null;
            appointment.PersonalDataPurgedAt = time.GetUtcNow();
            await ResidentMail.ForgetAsync(db, appointment.Id, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            metrics.PersonalDataPurged(1);
        }

        return TypedResults.Ok(new PersonalDataErased(AppointmentRemains));
    }

    private static async Task<Results<Ok<CallbackData>, NotFound>> ExportCallback(string token, BookingsDbContext db, CancellationToken cancellationToken)
    {
        var hash = ManagementToken.Hash(token);
        var callback = await db.CallbackRequests.AsNoTracking().SingleOrDefaultAsync(c => c.ManagementTokenHash == hash && c.PersonalDataPurgedAt == null, cancellationToken);
        if (callback is null)
        {
            return TypedResults.NotFound();
        }

        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.OfficeId == callback.OfficeId, cancellationToken);
        return TypedResults.Ok(new CallbackData(
            callback.Id, office.Name, callback.WindowStartsAt, callback.WindowEndsAt, callback.Status, callback.RequestedAt,
            callback.Language, callback.MessageLanguage, callback.FieldOfAction,
            callback.Contact is { } contact ? new CallbackContactData(contact.Phone, contact.Email, contact.Topic, contact.ConsentTextVersion, contact.ConsentLanguage, contact.ConsentGivenAt) : null,
            callback.Attempts, callback.OverdueAt, callback.ClosedAt,
            await ResidentMail.KeptAboutAsync(db, callback.Id, cancellationToken)));
    }

    private static async Task<Results<Ok<PersonalDataErased>, NotFound>> EraseCallback(
        string token, BookingsDbContext db, BookingsMetrics metrics, TimeProvider time, CancellationToken cancellationToken)
    {
        var hash = ManagementToken.Hash(token);
        var callback = await db.CallbackRequests.SingleOrDefaultAsync(c => c.ManagementTokenHash == hash, cancellationToken);
        if (callback is null)
        {
            return TypedResults.NotFound();
        }

        if (callback.PersonalDataPurgedAt is null)
        {
            var now = time.GetUtcNow();
            // Without the phone number an open request cannot be served: it leaves the office's queue.
            if (callback.Status == CallbackStatus.Open)
            {
                callback.Cancel(now);
                db.AddIntegrationEvent(new CallbackCancelled(callback.Id, callback.OfficeId, now), time);
            }

            callback.Contact = null;
            callback.PersonalDataPurgedAt = now;
            await ResidentMail.ForgetAsync(db, callback.Id, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            metrics.PersonalDataPurged(1);
        }

        return TypedResults.Ok(new PersonalDataErased(CallbackRemains));
    }
}

public sealed record ResidentData(string Name, string? Phone, string? Email, string? Topic, string ConsentTextVersion, string ConsentLanguage, DateTimeOffset ConsentGivenAt);

/// <summary>An appointment as stored, with the office's and service's names, and the messages about it still kept.</summary>
public sealed record AppointmentData(
    Guid AppointmentId,
    string Office,
    IReadOnlyDictionary<string, string> Service,
    AppointmentChannel Channel,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    AppointmentStatus Status,
    DateTimeOffset BookedAt,
    string Language,
    bool InterpreterNeeded,
    string MessageLanguage,
    string FieldOfAction,
    ResidentData? Resident,
    CancelledBy? CancelledBy,
    DateTimeOffset? CancelledAt,
    string? OutcomeFieldOfAction,
    bool? ReferredToOtherOrganisation,
    DateTimeOffset? OutcomeRecordedAt,
    IReadOnlyList<KeptMail> Messages);

public sealed record CallbackContactData(string Phone, string? Email, string? Topic, string ConsentTextVersion, string ConsentLanguage, DateTimeOffset ConsentGivenAt);

/// <summary>A callback request as stored, with the office's name, the calls made, and the messages about it still kept.</summary>
public sealed record CallbackData(
    Guid CallbackId,
    string Office,
    DateTimeOffset WindowStartsAt,
    DateTimeOffset WindowEndsAt,
    CallbackStatus Status,
    DateTimeOffset RequestedAt,
    string Language,
    string MessageLanguage,
    string? FieldOfAction,
    CallbackContactData? Contact,
    IReadOnlyList<CallbackAttempt> Attempts,
    DateTimeOffset? OverdueAt,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<KeptMail> Messages);
