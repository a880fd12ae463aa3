using Quartier.ServiceDefaults.Privacy;
using Quartier.ServiceDefaults.Contact;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartier.Bookings.Data;
using Quartier.Bookings.Diagnostics;
using Quartier.Bookings.Mail;
using Quartier.Bookings.Offices;
using Quartier.Bookings.Privacy;
using Quartier.Contracts.Bookings;
using Quartier.ServiceDefaults.Mail;
using Quartier.ServiceDefaults.Messaging.Outbox;
using Quartier.ServiceDefaults.Security;

namespace Quartier.Bookings.Appointments;

/// <summary>What residents do, without an account: book, then view, cancel, move or download with the secret link.</summary>
public static class AppointmentEndpoints
{
    public const string ManagePath = "/api/bookings/appointments/manage";

    public static IEndpointRouteBuilder MapAppointments(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/bookings/appointments").WithTags("Appointments").AllowAnonymous();
        group.MapPost("/", Book).WithSummary("Book an appointment (public; answers the secret management link)");

        var manage = app.MapGroup(ManagePath + "/{token}").WithTags("Appointments").AllowAnonymous();
        manage.MapGet("/", View).WithSummary("The appointment behind a management link");
        manage.MapPost("/cancel", Cancel).WithSummary("Cancel with the management link, until the cut-off");
        manage.MapPost("/reschedule", Reschedule).WithSummary("Move to another free slot with the management link, until the cut-off");
        manage.MapGet("/calendar.ics", Calendar).WithSummary("The appointment as an iCalendar file");
        return app;
    }

    private static async Task<Results<Created<BookingConfirmation>, ProblemHttpResult>> Book(
        BookAppointmentRequest request, AppointmentBooking booking, BookingsMail mail, BookingsMetrics metrics, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (source, problem) = await booking.FindSourceAsync(request.ServiceId!.Value, cancellationToken);
        if (source is null)
        {
            return problem!;
        }

        var channel = request.Channel!.Value;
        var startsAt = request.StartsAt!.Value.ToUniversalTime();
        if (request.Consent!.GivenAt > now.AddMinutes(5))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Consent cannot be given in the future.");
        }

        var (freeSeats, slotProblem) = await booking.CheckSlotAsync(source, channel, startsAt, now, ignoring: null, cancellationToken);
        if (slotProblem is not null)
        {
            return slotProblem;
        }

        var service = source.Service;
        var token = ManagementToken.Create();
        var appointment = new Appointment
        {
            Id = Guid.CreateVersion7(now),
            OfficeId = service.OfficeId,
            ServiceId = service.Id,
            Channel = channel,
            StartsAt = startsAt,
            EndsAt = startsAt + service.Duration,
            BlockedUntil = startsAt + service.Duration + service.BufferAfter,
            FieldOfAction = service.FieldOfAction,
            Language = request.Language!,
            InterpreterNeeded = request.InterpreterNeeded,
            MessageLanguage = MailWording.Written(request.MessageLanguage, request.Language),
            BookedAt = now,
            ManagementTokenHash = ManagementToken.Hash(token),
            Resident = new ResidentContact
            {
                Name = request.Name!.Trim(),
                Phone = PhoneNumberRules.ToE164(request.Phone),
                Email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim(),
                Topic = string.IsNullOrWhiteSpace(request.Topic) ? null : request.Topic.Trim(),
                ConsentTextVersion = request.Consent.TextVersion.Trim(),
                ConsentLanguage = request.Consent.ShownLanguage,
                ConsentGivenAt = (request.Consent.GivenAt ?? now).ToUniversalTime(),
            },
        };
        var announcement = OutboxMessage.Create(new AppointmentBooked(
            appointment.Id, appointment.OfficeId, appointment.ServiceId, channel, appointment.FieldOfAction,
            appointment.Language, appointment.InterpreterNeeded, appointment.StartsAt, appointment.EndsAt, now), now);
        await mail.AppointmentBookedAsync(appointment, token, cancellationToken);
        if (!await booking.BookSeatAsync(appointment, announcement, freeSeats, service, cancellationToken))
        {
            return await booking.SlotTakenAsync(source, startsAt, ignoring: null, cancellationToken);
        }

        metrics.AppointmentBooked(channel);
        var zone = source.Office.Zone();
        var manageUrl = $"{ManagePath}/{token}";
        return TypedResults.Created(manageUrl, new BookingConfirmation(
            appointment.Id, appointment.OfficeId, appointment.ServiceId, channel,
            TimeZoneInfo.ConvertTime(appointment.StartsAt, zone), TimeZoneInfo.ConvertTime(appointment.EndsAt, zone),
            token, manageUrl, $"{manageUrl}/calendar.ics"));
    }

    private static async Task<Results<Ok<AppointmentView>, NotFound>> View(
        string token, BookingsDbContext db, IOptions<BookingsOptions> options, CancellationToken cancellationToken)
    {
        var found = await FindAsync(db, token, cancellationToken);
        return found is null ? TypedResults.NotFound() : TypedResults.Ok(await ViewOfAsync(db, found, options.Value, cancellationToken));
    }

    private static async Task<Results<Ok<AppointmentView>, NotFound, ProblemHttpResult>> Cancel(
        string token, BookingsDbContext db, BookingsMail mail, IOptions<BookingsOptions> options, BookingsMetrics metrics, TimeProvider time, CancellationToken cancellationToken)
    {
        var appointment = await FindAsync(db, token, cancellationToken);
        if (appointment is null)
        {
            return TypedResults.NotFound();
        }

        var now = time.GetUtcNow();
        if (ChangeProblem(appointment, now, options.Value) is { } problem)
        {
            return problem;
        }

        appointment.Cancel(CancelledBy.Resident, now);
        db.AddIntegrationEvent(new AppointmentCancelled(appointment.Id, appointment.OfficeId, CancelledBy.Resident, now), time);
        await mail.AppointmentCancelledAsync(appointment, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        metrics.AppointmentsCancelled(1, CancelledBy.Resident);
        return TypedResults.Ok(await ViewOfAsync(db, appointment, options.Value, cancellationToken));
    }

    private static async Task<Results<Ok<AppointmentView>, NotFound, ProblemHttpResult>> Reschedule(
        string token, RescheduleRequest request, BookingsDbContext db, AppointmentBooking booking, BookingsMail mail, IOptions<BookingsOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var appointment = await FindAsync(db, token, cancellationToken);
        if (appointment is null)
        {
            return TypedResults.NotFound();
        }

        var now = time.GetUtcNow();
        if (ChangeProblem(appointment, now, options.Value) is { } problem)
        {
            return problem;
        }

        var (source, sourceProblem) = await booking.FindSourceAsync(appointment.ServiceId, cancellationToken);
        if (source is null)
        {
            return sourceProblem!;
        }

        var startsAt = request.StartsAt!.Value.ToUniversalTime();
        var (freeSeats, slotProblem) = await booking.CheckSlotAsync(source, appointment.Channel, startsAt, now, appointment.Id, cancellationToken);
        if (slotProblem is not null)
        {
            return slotProblem;
        }

        var previous = appointment.StartsAt;
        var service = source.Service;
        appointment.StartsAt = startsAt;
        appointment.EndsAt = startsAt + service.Duration;
        appointment.BlockedUntil = appointment.EndsAt + service.BufferAfter;
        db.AddIntegrationEvent(new AppointmentRescheduled(appointment.Id, appointment.OfficeId, previous, appointment.StartsAt, appointment.EndsAt, now), time);
        await mail.AppointmentMovedAsync(appointment, previous, token, cancellationToken);
        if (!await booking.TakeSeatAsync(appointment, freeSeats, service, cancellationToken))
        {
            db.ChangeTracker.Clear();
            return await booking.SlotTakenAsync(source, startsAt, appointment.Id, cancellationToken);
        }

        return TypedResults.Ok(await ViewOfAsync(db, appointment, options.Value, cancellationToken));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> Calendar(string token, BookingsDbContext db, CancellationToken cancellationToken)
    {
        var appointment = await FindAsync(db, token, cancellationToken);
        if (appointment is null)
        {
            return TypedResults.NotFound();
        }

        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.OfficeId == appointment.OfficeId, cancellationToken);
        var service = await db.AppointmentServices.AsNoTracking().SingleAsync(s => s.Id == appointment.ServiceId, cancellationToken);
        var ics = AppointmentCalendar.Create(appointment, office, service);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", "appointment.ics");
    }

    /// <summary>The appointment behind a live link: one whose personal data was erased or expired opens nothing.</summary>
    private static Task<Appointment?> FindAsync(BookingsDbContext db, string token, CancellationToken cancellationToken)
    {
        var hash = ManagementToken.Hash(token);
        return db.Appointments.SingleOrDefaultAsync(a => a.ManagementTokenHash == hash && a.PersonalDataPurgedAt == null, cancellationToken);
    }

    private static ProblemHttpResult? ChangeProblem(Appointment appointment, DateTimeOffset now, BookingsOptions options)
    {
        if (appointment.Status != AppointmentStatus.Booked)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The appointment can no longer be changed.",
                detail: $"It is {appointment.Status}.");
        }

        return now > appointment.StartsAt - options.ChangeCutOff
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Too late to change the appointment online.",
                detail: $"Appointments can be cancelled or moved up to {options.ChangeCutOff.TotalHours:0.#} hours before they start; please call the office.")
            : null;
    }

    private static async Task<AppointmentView> ViewOfAsync(BookingsDbContext db, Appointment a, BookingsOptions options, CancellationToken cancellationToken)
    {
        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.OfficeId == a.OfficeId, cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(office.TimeZone);
        return new AppointmentView(
            a.Id, a.OfficeId, office.Name, a.ServiceId, a.Channel,
            TimeZoneInfo.ConvertTime(a.StartsAt, zone), TimeZoneInfo.ConvertTime(a.EndsAt, zone), a.Status, a.Language, a.InterpreterNeeded,
            a.Resident?.Name, a.Resident?.Phone, a.Resident?.Email, a.Resident?.Topic,
            TimeZoneInfo.ConvertTime(a.StartsAt - options.ChangeCutOff, zone));
    }
}
