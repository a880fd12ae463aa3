using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Quartier.Bookings.Data;
using Quartier.Bookings.Offices;
using Quartier.Bookings.OpeningHours;
using Quartier.ServiceDefaults.Security;

namespace Quartier.Bookings.AppointmentServices;

public static class AppointmentServiceEndpoints
{
    public static IEndpointRouteBuilder MapAppointmentServices(this IEndpointRouteBuilder app)
    {
        var perOffice = app.MapGroup("/api/bookings/offices/{officeId:guid}/services").WithTags("Appointment services");
        perOffice.MapGet("/", ListServices).WithSummary("What residents can book at the office").AllowAnonymous();
        perOffice.MapPost("/", CreateService).WithSummary("Offer a new appointment service (office lead)").RequireStaff(StaffPolicies.OfficeLead);

        var single = app.MapGroup("/api/bookings/services").WithTags("Appointment services");
        single.MapGet("/{serviceId:guid}", GetService).WithName(nameof(GetService)).WithSummary("One appointment service").AllowAnonymous();
        single.MapPut("/{serviceId:guid}", UpdateService).WithSummary("Change an appointment service (office lead)").RequireStaff(StaffPolicies.OfficeLead);
        single.MapDelete("/{serviceId:guid}", WithdrawService).WithSummary("Stop offering a service; booked appointments stay (office lead)").RequireStaff(StaffPolicies.OfficeLead);
        return app;
    }

    private static async Task<Results<Ok<List<AppointmentServiceResponse>>, NotFound>> ListServices(Guid officeId, BookingsDbContext db, CancellationToken cancellationToken)
    {
        if (await db.FindOfficeAsync(officeId, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var services = await db.AppointmentServices.AsNoTracking()
            .Where(s => s.OfficeId == officeId && s.Active)
            .OrderBy(s => s.Id)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(services.Select(AppointmentServiceResponse.From).ToList());
    }

    private static async Task<Results<Ok<AppointmentServiceResponse>, NotFound>> GetService(Guid serviceId, BookingsDbContext db, CancellationToken cancellationToken)
    {
        var service = await db.AppointmentServices.AsNoTracking().SingleOrDefaultAsync(s => s.Id == serviceId, cancellationToken);
        return service is null ? TypedResults.NotFound() : TypedResults.Ok(AppointmentServiceResponse.From(service));
    }

    private static async Task<Results<CreatedAtRoute<AppointmentServiceResponse>, NotFound>> CreateService(
        Guid officeId, AppointmentServiceRequest request, BookingsDbContext db, OpeningHoursAnnouncer announcer, TimeProvider time, CancellationToken cancellationToken)
    {
        var office = await db.FindOfficeAsync(officeId, cancellationToken);
        if (office is null)
        {
            return TypedResults.NotFound();
        }

        var service = new AppointmentService { Id = Guid.CreateVersion7(time.GetUtcNow()), OfficeId = officeId, FieldOfAction = request.FieldOfAction! };
        Apply(service, request);
        db.AppointmentServices.Add(service);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        // The office's parallel capacity changed: reporting computes offered capacity from it.
        await announcer.AnnounceAsync(office, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.CreatedAtRoute(AppointmentServiceResponse.From(service), nameof(GetService), new { serviceId = service.Id });
    }

    private static async Task<Results<Ok<AppointmentServiceResponse>, NotFound, ProblemHttpResult>> UpdateService(
        Guid serviceId, AppointmentServiceRequest request, ClaimsPrincipal user, BookingsDbContext db, OpeningHoursAnnouncer announcer, CancellationToken cancellationToken)
    {
        var service = await db.AppointmentServices.SingleOrDefaultAsync(s => s.Id == serviceId, cancellationToken);
        var office = service is null ? null : await db.FindOfficeAsync(service.OfficeId, cancellationToken);
        if (service is null || office is null)
        {
            return TypedResults.NotFound();
        }

        if (!user.Leads(service.OfficeId))
        {
            return StaffEndpoints.OtherOffice();
        }

        Apply(service, request);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await announcer.AnnounceAsync(office, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(AppointmentServiceResponse.From(service));
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> WithdrawService(
        Guid serviceId, ClaimsPrincipal user, BookingsDbContext db, OpeningHoursAnnouncer announcer, CancellationToken cancellationToken)
    {
        var service = await db.AppointmentServices.SingleOrDefaultAsync(s => s.Id == serviceId, cancellationToken);
        var office = service is null ? null : await db.FindOfficeAsync(service.OfficeId, cancellationToken);
        if (service is null || office is null)
        {
            return TypedResults.NotFound();
        }

        if (!user.Leads(service.OfficeId))
        {
            return StaffEndpoints.OtherOffice();
        }

        service.Active = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await announcer.AnnounceAsync(office, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static void Apply(AppointmentService service, AppointmentServiceRequest request)
    {
        service.Names = request.Names!.ToDictionary(n => n.Key, n => n.Value.Trim());
        service.DurationMinutes = request.DurationMinutes!.Value;
        service.Channels = [.. request.Channels!.Distinct().Order()];
        service.FieldOfAction = request.FieldOfAction!;
        service.Capacity = request.Capacity!.Value;
        service.BufferAfterMinutes = request.BufferAfterMinutes ?? 0;
        service.MinimumNoticeMinutes = request.MinimumNoticeMinutes ?? 0;
        service.BookingHorizonDays = request.BookingHorizonDays ?? AppointmentServiceRequest.DefaultHorizonDays;
    }
}
