using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Quartier.Contracts.Engagement;
using Quartier.Engagement.Common;
using Quartier.Engagement.Data;
using Quartier.Engagement.Hours;
using Quartier.Engagement.Volunteers;
using Quartier.ServiceDefaults.Messaging.Outbox;
using System.Security.Claims;
using Quartier.ServiceDefaults.Security;

namespace Quartier.Engagement.Shifts;

public static class ShiftEndpoints
{
    public const string NoOverlapConstraint = "EX_ShiftAssignments_NoOverlap";
    public const string OncePerShiftIndex = "IX_ShiftAssignments_ShiftId_VolunteerId";
    public const string ShiftHoursIndex = "IX_HoursEntries_ShiftId_VolunteerId";
    private const int MaxListed = 200;

    public static RouteGroupBuilder MapShifts(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/engagement/opportunities/{opportunityId:guid}/shifts", CreateShift).WithTags("Shifts")
            .WithSummary("Add a dated shift with a needed headcount to a volunteer role (staff)").RequireStaff(StaffPolicies.OfficeStaff);
        app.MapGet("/api/engagement/opportunities/{opportunityId:guid}/shifts", ListShifts).WithTags("Shifts").WithName(nameof(ListShifts))
            .WithSummary("A volunteer role's shifts with their headcount, from two weeks back on, soonest first").AllowAnonymous();
        var group = app.MapGroup("/api/engagement/shifts").WithTags("Shifts");
        group.MapGet("/{id:guid}", GetShift).WithName(nameof(GetShift)).WithSummary("One shift with its headcount").AllowAnonymous();
        group.MapGet("/short", ListShortShifts).WithSummary("Upcoming shifts that still need volunteers, soonest first").AllowAnonymous();
        group.MapPost("/{id:guid}/sign-ups", SignUp).WithSummary("An approved volunteer takes a place in a shift").AllowAnonymous();
        group.MapGet("/{id:guid}/sign-ups", ListSignUps).WithName(nameof(ListSignUps))
            .WithSummary("Who signed up for a shift, with whether they came (office staff; recorded)").RequireStaff(StaffPolicies.OfficeStaff)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/attendance", RecordAttendance).WithSummary("Record whether a volunteer came; logs the shift's hours (office staff)").RequireStaff(StaffPolicies.OfficeStaff);
        return group;
    }

    private static async Task<Results<CreatedAtRoute<ShiftResponse>, ProblemHttpResult>> CreateShift(
        Guid opportunityId, CreateShiftRequest request, ClaimsPrincipal user, EngagementDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var opportunity = await db.Opportunities.AsNoTracking().SingleOrDefaultAsync(o => o.Id == opportunityId, cancellationToken);
        if (opportunity is null)
        {
            return Problems.NotFound("Opportunity");
        }

        if (!user.WorksIn(opportunity.OfficeId))
        {
            return StaffEndpoints.OtherOffice();
        }

        var office = await db.Offices.FindAsync([opportunity.OfficeId], cancellationToken);
        if (office is not { IsOpen: true })
        {
            return Problems.OfficeNotUsable(opportunity.OfficeId, office is not null);
        }

        var now = time.GetUtcNow();
        if (request.StartsAt <= now)
        {
            return Problems.Unprocessable("The shift lies in the past.", "Add shifts that start in the future.");
        }

        var shift = new Shift
        {
            Id = Guid.CreateVersion7(now),
            OpportunityId = opportunityId,
            OfficeId = opportunity.OfficeId,
            StartsAt = request.StartsAt.ToUniversalTime(),
            EndsAt = request.EndsAt.ToUniversalTime(),
            Needed = request.Needed,
            CreatedAt = now,
        };
        db.Shifts.Add(shift);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.CreatedAtRoute(ShiftResponse.From(shift), nameof(GetShift), new { id = shift.Id });
    }

    private static async Task<Results<Ok<ShiftResponse>, NotFound>> GetShift(Guid id, EngagementDbContext db, CancellationToken cancellationToken) =>
        await db.Shifts.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is { } shift
            ? TypedResults.Ok(ShiftResponse.From(shift))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<List<ShiftResponse>>, NotFound>> ListShifts(
        Guid opportunityId, DateTimeOffset? from, EngagementDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await db.Opportunities.AnyAsync(o => o.Id == opportunityId, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        // Shifts just past stay listed: attendance is recorded after them.
        var since = from ?? time.GetUtcNow().AddDays(-14);
        var shifts = await db.Shifts.AsNoTracking()
            .Where(s => s.OpportunityId == opportunityId && s.EndsAt > since)
            .OrderBy(s => s.StartsAt).Take(MaxListed).ToListAsync(cancellationToken);
        return TypedResults.Ok(shifts.Select(ShiftResponse.From).ToList());
    }

    private static async Task<Results<Ok<List<ShiftSignUpResponse>>, ProblemHttpResult>> ListSignUps(
        Guid id, ClaimsPrincipal user, EngagementDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var officeId = await db.Shifts.Where(s => s.Id == id).Select(s => (Guid?)s.OfficeId).SingleOrDefaultAsync(cancellationToken);
        if (officeId is null)
        {
            return Problems.NotFound("Shift");
        }

        if (!user.WorksIn(officeId.Value))
        {
            return StaffEndpoints.OtherOffice();
        }

        var signUps = await db.ShiftAssignments.AsNoTracking()
            .Where(a => a.ShiftId == id)
            .OrderBy(a => a.SignedUpAt)
            .Join(db.Volunteers, a => a.VolunteerId, v => v.Id, (a, v) => new ShiftSignUpResponse(v.Id, v.Name, a.SignedUpAt, a.Attended))
            .ToListAsync(cancellationToken);
        await db.RecordPersonalDataReadAsync(user, officeId.Value, "shift-sign-ups", [.. signUps.Select(s => s.VolunteerId)], time, cancellationToken);
        return TypedResults.Ok(signUps);
    }

    private static async Task<Ok<List<ShiftResponse>>> ListShortShifts(Guid? officeId, EngagementDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var query = db.Shifts.AsNoTracking().Where(s => s.StartsAt > now && s.SignedUp < s.Needed);
        if (officeId is { } office)
        {
            query = query.Where(s => s.OfficeId == office);
        }

        var shifts = await query.OrderBy(s => s.StartsAt).Take(MaxListed).ToListAsync(cancellationToken);
        return TypedResults.Ok(shifts.Select(ShiftResponse.From).ToList());
    }

    private static async Task<Results<Created<ShiftAssignmentResponse>, ProblemHttpResult>> SignUp(
        Guid id, ShiftSignUpRequest request, EngagementDbContext db, TimeProvider time, EngagementMetrics metrics, CancellationToken cancellationToken)
    {
        var volunteer = await db.Volunteers.AsNoTracking().SingleOrDefaultAsync(v => v.Id == request.VolunteerId, cancellationToken);
        if (volunteer is null)
        {
            return Problems.NotFound("Volunteer");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockVolunteerAsync(volunteer.Id, cancellationToken);
        // Read under the lock: a volunteer ended meanwhile takes no place.
        var status = await db.Volunteers.Where(v => v.Id == volunteer.Id).Select(v => v.Status).SingleAsync(cancellationToken);
        if (status != VolunteerStatus.Approved)
        {
            return Problems.Unprocessable("The volunteer is not approved.", $"The volunteer is {status}; only approved volunteers take shifts.");
        }

        var shift = await db.LockShiftAsync(id, cancellationToken);
        if (shift is null)
        {
            return Problems.NotFound("Shift");
        }

        var now = time.GetUtcNow();
        if (shift.StartsAt <= now)
        {
            return Problems.Unprocessable("The shift has begun.", "Sign up for shifts that start in the future.");
        }

        if (shift.OfficeId != volunteer.OfficeId)
        {
            return Problems.Unprocessable("The volunteer belongs to another office.", "Volunteers take shifts at the office they signed up with.");
        }

        if (shift.IsFull)
        {
            return Problems.Conflict("The shift is full.", $"All {shift.Needed} places are taken.");
        }

        var assignment = new ShiftAssignment
        {
            Id = Guid.CreateVersion7(now),
            ShiftId = shift.Id,
            VolunteerId = volunteer.Id,
            StartsAt = shift.StartsAt,
            EndsAt = shift.EndsAt,
            SignedUpAt = now,
        };
        db.ShiftAssignments.Add(assignment);
        shift.SignedUp++;
        if (shift.IsFull)
        {
            db.AddIntegrationEvent(new ShiftFilled(shift.Id, shift.OpportunityId, shift.OfficeId, shift.StartsAt, shift.EndsAt, shift.Needed, now), time);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (PostgresErrors.IsConflict(exception, NoOverlapConstraint))
        {
            return Problems.Conflict("The volunteer already holds an overlapping shift.", "A volunteer can be in one shift at a time.");
        }
        catch (DbUpdateException exception) when (PostgresErrors.IsConflict(exception, OncePerShiftIndex))
        {
            return Problems.Conflict("The volunteer already holds a place in this shift.", "Nothing to do.");
        }

        await transaction.CommitAsync(cancellationToken);
        metrics.SignedUpForShift();
        return TypedResults.Created($"/api/engagement/shifts/{shift.Id}",
            new ShiftAssignmentResponse(assignment.Id, shift.Id, volunteer.Id, shift.StartsAt, shift.EndsAt, assignment.Attended));
    }

    private static async Task<Results<Ok<ShiftAssignmentResponse>, ProblemHttpResult>> RecordAttendance(
        Guid id, ShiftAttendanceRequest request, ClaimsPrincipal user, EngagementDbContext db, TimeProvider time, EngagementMetrics metrics, CancellationToken cancellationToken)
    {
        var assignment = await db.ShiftAssignments.SingleOrDefaultAsync(a => a.ShiftId == id && a.VolunteerId == request.VolunteerId, cancellationToken);
        if (assignment is null)
        {
            return Problems.NotFound("Sign-up of this volunteer for this shift");
        }

        if (!user.WorksIn(await db.Shifts.Where(s => s.Id == id).Select(s => s.OfficeId).SingleAsync(cancellationToken)))
        {
            return StaffEndpoints.OtherOffice();
        }

        if (assignment.Attended is not null)
        {
            return Problems.Conflict("Attendance is already recorded.", $"Recorded as {(assignment.Attended.Value ? "attended" : "absent")}.");
        }

        var shift = await db.Shifts.AsNoTracking().SingleAsync(s => s.Id == id, cancellationToken);
        if (shift.StartsAt > time.GetUtcNow())
        {
            return Problems.Unprocessable("The shift has not begun.", "Attendance is recorded once the shift has started.");
        }

        assignment.Attended = request.Attended;
        if (request.Attended)
        {
            var opportunity = await db.Opportunities.AsNoTracking().SingleAsync(o => o.Id == shift.OpportunityId, cancellationToken);
            var office = await db.Offices.AsNoTracking().SingleAsync(o => o.OfficeId == shift.OfficeId, cancellationToken);
            var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(shift.StartsAt, TimeZoneInfo.FindSystemTimeZoneById(office.TimeZone)).DateTime);
            var hours = (decimal)(shift.EndsAt - shift.StartsAt).TotalHours;
            db.LogHours(assignment.VolunteerId, shift.OfficeId, opportunity.FieldOfAction, localDate, hours, shift.Id, time, metrics);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (PostgresErrors.IsConflict(exception, ShiftHoursIndex))
        {
            // One hours entry per shift and volunteer: a parallel second recording loses here.
            return Problems.Conflict("Attendance is already recorded.", "Someone recorded it at the same time.");
        }

        return TypedResults.Ok(new ShiftAssignmentResponse(assignment.Id, shift.Id, assignment.VolunteerId, shift.StartsAt, shift.EndsAt, assignment.Attended));
    }
}
