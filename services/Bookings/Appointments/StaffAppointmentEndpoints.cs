using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Quartier.Bookings.Data;
using Quartier.Bookings.Callbacks;
using Quartier.Bookings.Diagnostics;
using Quartier.Bookings.Mail;
using Quartier.Bookings.Offices;
using Quartier.Bookings.OpeningHours;
using Quartier.Contracts.Bookings;
using Quartier.ServiceDefaults.Messaging.Outbox;
using Quartier.ServiceDefaults.Security;

namespace Quartier.Bookings.Appointments;

/// <summary>What office staff do with appointments: the day's list, check-in, attendance and outcome, no-show, cancellation.</summary>
public static class StaffAppointmentEndpoints
{
    /// <summary>Residents may be checked in this long before their appointment starts.</summary>
    public static readonly TimeSpan EarlyArrival = TimeSpan.FromMinutes(30);

    public static IEndpointRouteBuilder MapStaffAppointments(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/bookings/offices/{officeId:guid}/appointments", DayList)
            .WithTags("Staff").WithSummary("The office's appointments on a local date, with residents' contact data (office staff; recorded)")
            .RequireStaff(StaffPolicies.OfficeStaff);
        app.MapGet("/api/bookings/offices/{officeId:guid}/day-version", DayVersion).WithName("DayVersion")
            .WithTags("Staff").WithSummary("A stamp that changes whenever the day's appointments, the open callbacks or the day's counted contacts change; it holds nothing personal, so asking is not recorded (office staff)")
            .RequireStaff(StaffPolicies.OfficeStaff);
        var group = app.MapGroup("/api/bookings/appointments/{appointmentId:guid}").WithTags("Staff").RequireStaff(StaffPolicies.OfficeStaff);
        group.MapPost("/check-in", CheckIn).WithSummary("The resident has arrived and waits; from half an hour before the start (staff)")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/attended", MarkAttended).WithSummary("The resident came; optionally the outcome (staff)");
        group.MapPost("/no-show", MarkNoShow).WithSummary("The resident did not come (staff)");
        group.MapPost("/cancel", CancelByStaff).WithSummary("Cancel on the resident's behalf or for the office (staff)");
        return app;
    }

    private static async Task<Results<Ok<List<StaffAppointmentView>>, NotFound>> DayList(
        Guid officeId, DateOnly date, ClaimsPrincipal user, BookingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var office = await db.FindOfficeAsync(officeId, cancellationToken);
        if (office is null)
        {
            return TypedResults.NotFound();
        }

        var zone = office.Zone();
        var appointments = await OnDay(db, office, date)
            .OrderBy(a => a.StartsAt).ThenBy(a => a.Seat)
            .ToListAsync(cancellationToken);
        await db.RecordPersonalDataReadAsync(user, officeId, "day-list", [.. appointments.Where(a => a.Resident is not null).Select(a => a.Id)], time, cancellationToken);
        return TypedResults.Ok(appointments.Select(a => new StaffAppointmentView(
            a.Id, a.ServiceId, a.Channel, a.Seat,
            OfficeTime.InOfficeTime(a.StartsAt, zone), OfficeTime.InOfficeTime(a.EndsAt, zone), a.Status, a.Language, a.InterpreterNeeded,
            a.Resident?.Name, a.Resident?.Phone, a.Resident?.Email, a.Resident?.Topic,
            a.OutcomeFieldOfAction, a.ReferredToOtherOrganisation, a.CheckedInAt is { } arrived ? OfficeTime.InOfficeTime(arrived, zone) : null)).ToList());
    }

    /// <summary>Lets an open day page notice new bookings and changes without reading residents' data every few seconds.</summary>
    private static async Task<Results<Ok<DayVersionView>, NotFound>> DayVersion(Guid officeId, DateOnly date, BookingsDbContext db, CancellationToken cancellationToken)
    {
        var office = await db.FindOfficeAsync(officeId, cancellationToken);
        if (office is null)
        {
            return TypedResults.NotFound();
        }

        var appointments = await OnDay(db, office, date).Select(a => new { a.Id, a.Version }).ToListAsync(cancellationToken);
        var callbacks = await db.CallbackRequests.AsNoTracking()
            .Where(c => c.OfficeId == officeId && c.Status == CallbackStatus.Open)
            .Select(c => new { c.Id, c.Version }).ToListAsync(cancellationToken);
        var contacts = await db.AnonymousContacts.CountAsync(c => c.OfficeId == officeId && c.Date == date, cancellationToken);
        var stamp = string.Join(';', appointments.OrderBy(a => a.Id).Select(a => $"{a.Id:N}.{a.Version}"))
            + '|' + string.Join(';', callbacks.OrderBy(c => c.Id).Select(c => $"{c.Id:N}.{c.Version}")) + '|' + contacts;
        return TypedResults.Ok(new DayVersionView(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stamp)))[..16]));
    }

    private static IQueryable<Appointment> OnDay(BookingsDbContext db, BookableOffice office, DateOnly date)
    {
        var zone = office.Zone();
        var from = OfficeTime.Opening(date, TimeOnly.MinValue, zone);
        var to = OfficeTime.Opening(date.AddDays(1), TimeOnly.MinValue, zone);
        return db.Appointments.AsNoTracking().Where(a => a.OfficeId == office.OfficeId && a.StartsAt >= from && a.StartsAt < to);
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> MarkAttended(
        Guid appointmentId, AttendedRequest request, ClaimsPrincipal user, BookingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == appointmentId, cancellationToken);
        if (appointment is null)
        {
            return TypedResults.NotFound();
        }

        if (!user.WorksIn(appointment.OfficeId))
        {
            return StaffEndpoints.OtherOffice();
        }

        var now = time.GetUtcNow();
        if (Unrecordable(appointment, now, now + EarlyArrival) is { } problem)
        {
            return problem;
        }

        appointment.MarkAttended(request.OutcomeFieldOfAction, request.ReferredToOtherOrganisation, now);
        db.AddIntegrationEvent(new AppointmentAttended(appointment.Id, appointment.OfficeId, request.OutcomeFieldOfAction, request.ReferredToOtherOrganisation, now), time);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> CheckIn(
        Guid appointmentId, ClaimsPrincipal user, BookingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == appointmentId, cancellationToken);
        if (appointment is null)
        {
            return TypedResults.NotFound();
        }

        if (!user.WorksIn(appointment.OfficeId))
        {
            return StaffEndpoints.OtherOffice();
        }

        var now = time.GetUtcNow();
        if (Unrecordable(appointment, now, now + EarlyArrival) is { } problem)
        {
            return problem;
        }

        if (appointment.CheckedInAt is { } arrived)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The resident is already checked in.", detail: $"Since {arrived:O}.");
        }

        appointment.CheckIn(now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> MarkNoShow(
        Guid appointmentId, ClaimsPrincipal user, BookingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == appointmentId, cancellationToken);
        if (appointment is null)
        {
            return TypedResults.NotFound();
        }

        if (!user.WorksIn(appointment.OfficeId))
        {
            return StaffEndpoints.OtherOffice();
        }

        var now = time.GetUtcNow();
        if (Unrecordable(appointment, now, now) is { } problem)
        {
            return problem;
        }

        appointment.MarkNoShow(now);
        db.AddIntegrationEvent(new AppointmentNoShow(appointment.Id, appointment.OfficeId, now), time);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> CancelByStaff(
        Guid appointmentId, ClaimsPrincipal user, BookingsDbContext db, BookingsMail mail, BookingsMetrics metrics, TimeProvider time, CancellationToken cancellationToken)
    {
        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == appointmentId, cancellationToken);
        if (appointment is null)
        {
            return TypedResults.NotFound();
        }

        if (!user.WorksIn(appointment.OfficeId))
        {
            return StaffEndpoints.OtherOffice();
        }

        if (appointment.Status != AppointmentStatus.Booked)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The appointment can no longer be cancelled.", detail: $"It is {appointment.Status}.");
        }

        var now = time.GetUtcNow();
        appointment.Cancel(CancelledBy.Staff, now);
        db.AddIntegrationEvent(new AppointmentCancelled(appointment.Id, appointment.OfficeId, CancelledBy.Staff, now), time);
        await mail.AppointmentCancelledAsync(appointment, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        metrics.AppointmentsCancelled(1, CancelledBy.Staff);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult? Unrecordable(Appointment appointment, DateTimeOffset now, DateTimeOffset startedBy)
    {
        if (appointment.Status != AppointmentStatus.Booked)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Attendance is already recorded or the appointment was cancelled.", detail: $"It is {appointment.Status}.");
        }

        return appointment.StartsAt > startedBy
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The appointment has not started yet.",
                detail: $"It starts at {appointment.StartsAt:O}; it is now {now:O}.")
            : null;
    }
}
