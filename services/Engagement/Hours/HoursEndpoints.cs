using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Quartier.Engagement.Common;
using Quartier.Engagement.Data;
using Quartier.Engagement.Volunteers;
using System.Security.Claims;
using Quartier.ServiceDefaults.Security;

namespace Quartier.Engagement.Hours;

public static class HoursEndpoints
{
    public static IEndpointRouteBuilder MapHours(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/engagement/volunteers/{volunteerId:guid}/hours", LogHours).WithTags("Hours")
            .WithSummary("Log hours a volunteer gave outside a recorded shift (staff)").RequireStaff(StaffPolicies.OfficeStaff);
        app.MapGet("/api/engagement/hours/summary", Summarise).WithTags("Hours")
            .WithSummary("Hours added up per field of action and volunteer, for an office, a volunteer and a period").RequireStaff(StaffPolicies.OfficeStaff);
        return app;
    }

    private static async Task<Results<Created<HoursEntryResponse>, ProblemHttpResult>> LogHours(
        Guid volunteerId, LogHoursRequest request, ClaimsPrincipal user, EngagementDbContext db, TimeProvider time, EngagementMetrics metrics, CancellationToken cancellationToken)
    {
        var volunteer = await db.Volunteers.AsNoTracking().SingleOrDefaultAsync(v => v.Id == volunteerId, cancellationToken);
        if (volunteer is null)
        {
            return Problems.NotFound("Volunteer");
        }

        if (!user.WorksIn(volunteer.OfficeId))
        {
            return StaffEndpoints.OtherOffice();
        }

        if (volunteer.Status == VolunteerStatus.Pending)
        {
            return Problems.Unprocessable("The volunteer is not approved yet.", "Hours are logged for approved volunteers.");
        }

        var officeId = request.OfficeId ?? volunteer.OfficeId;
        if (!await db.Offices.AnyAsync(o => o.OfficeId == officeId, cancellationToken))
        {
            return Problems.Unprocessable("Unknown office.", $"Office {officeId} is not known to Engagement (yet).");
        }

        if (!user.WorksIn(officeId))
        {
            return StaffEndpoints.OtherOffice();
        }

        if (request.Date > DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime.AddDays(1)))
        {
            return Problems.Unprocessable("Hours lie in the future.", "Log hours once they were given.");
        }

        var entry = db.LogHours(volunteerId, officeId, request.FieldOfAction, request.Date, request.Hours, null, time, metrics);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/engagement/hours/summary?volunteerId={volunteerId}",
            new HoursEntryResponse(entry.Id, entry.VolunteerId, entry.OfficeId, entry.FieldOfAction, entry.Date, entry.Hours, entry.ShiftId));
    }

    private static async Task<Ok<HoursSummary>> Summarise(
        Guid? officeId, Guid? volunteerId, DateOnly? from, DateOnly? to, ClaimsPrincipal user, EngagementDbContext db, CancellationToken cancellationToken)
    {
        // Without an office named, the offices the person works in.
        var offices = user.Offices(StaffClaims.OfficeStaff, StaffClaims.OfficeLead);
        var query = db.HoursEntries.AsNoTracking().Where(h => offices.Contains(h.OfficeId));
        if (officeId is { } office)
        {
            query = query.Where(h => h.OfficeId == office);
        }

        if (volunteerId is { } volunteer)
        {
            query = query.Where(h => h.VolunteerId == volunteer);
        }

        if (from is { } since)
        {
            query = query.Where(h => h.Date >= since);
        }

        if (to is { } until)
        {
            query = query.Where(h => h.Date <= until);
        }

        var byField = await query.GroupBy(h => h.FieldOfAction)
            .Select(g => new { FieldOfAction = g.Key, Hours = g.Sum(h => h.Hours) })
            .ToListAsync(cancellationToken);
        var byVolunteer = await query.GroupBy(h => h.VolunteerId)
            .Select(g => new { VolunteerId = g.Key, Hours = g.Sum(h => h.Hours) })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new HoursSummary(
            byField.Sum(f => f.Hours),
            byField.OrderBy(f => f.FieldOfAction, StringComparer.Ordinal).Select(f => new HoursByField(f.FieldOfAction, f.Hours)).ToList(),
            byVolunteer.OrderByDescending(v => v.Hours).ThenBy(v => v.VolunteerId).Select(v => new HoursByVolunteer(v.VolunteerId, v.Hours)).ToList()));
    }
}
