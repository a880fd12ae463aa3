using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Quartier.Engagement.Common;
using Quartier.Engagement.Data;
using Quartier.Engagement.Volunteers;
using System.Security.Claims;
using Quartier.ServiceDefaults.Security;

namespace Quartier.Engagement.Matching;

public static class MatchingEndpoints
{
    public static IEndpointRouteBuilder MapMatching(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/engagement/shifts/{shiftId:guid}/matches", MatchShift).WithTags("Matching")
            .WithSummary("Approved volunteers who are free for a shift, best fit first (staff)").RequireStaff(StaffPolicies.OfficeStaff);
        app.MapGet("/api/engagement/opportunities/{opportunityId:guid}/matches", MatchOpportunity).WithTags("Matching")
            .WithSummary("Approved volunteers for a regular role, best fit first (staff)").RequireStaff(StaffPolicies.OfficeStaff);
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<VolunteerMatch>>, ProblemHttpResult>> MatchShift(
        Guid shiftId, ClaimsPrincipal user, EngagementDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var shift = await db.Shifts.AsNoTracking().SingleOrDefaultAsync(s => s.Id == shiftId, cancellationToken);
        if (shift is null)
        {
            return Problems.NotFound("Shift");
        }

        if (!user.WorksIn(shift.OfficeId))
        {
            return StaffEndpoints.OtherOffice();
        }

        var opportunity = await db.Opportunities.AsNoTracking().SingleAsync(o => o.Id == shift.OpportunityId, cancellationToken);
        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.OfficeId == shift.OfficeId, cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(office.TimeZone);
        var localStart = TimeZoneInfo.ConvertTime(shift.StartsAt, zone);
        var localEnd = TimeZoneInfo.ConvertTime(shift.EndsAt, zone);
        if (localEnd.Date != localStart.Date)
        {
            // Availability is given per weekday; a shift across midnight is covered by nobody's slot.
            return TypedResults.Ok<IReadOnlyList<VolunteerMatch>>([]);
        }

        var busy = db.ShiftAssignments
            .Where(a => a.ShiftId == shift.Id || (a.StartsAt < shift.EndsAt && a.EndsAt > shift.StartsAt))
            .Select(a => a.VolunteerId);
        var candidates = await db.Volunteers.AsNoTracking()
            .Where(v => v.OfficeId == shift.OfficeId && v.Status == VolunteerStatus.Approved && !busy.Contains(v.Id))
            .ToListAsync(cancellationToken);

        var requirement = new MatchRequirement(
            localStart.DayOfWeek, TimeOnly.FromDateTime(localStart.DateTime), TimeOnly.FromDateTime(localEnd.DateTime), opportunity.Skills, opportunity.Languages);
        var monthStart = new DateOnly(localStart.Year, localStart.Month, 1);
        return await RecordedAsync(db, user, shift.OfficeId, MatchRanking.Rank(candidates, requirement, await HoursInMonthAsync(db, candidates, monthStart, cancellationToken)), time, cancellationToken);
    }

    private static async Task<Results<Ok<IReadOnlyList<VolunteerMatch>>, ProblemHttpResult>> MatchOpportunity(
        Guid opportunityId, ClaimsPrincipal user, EngagementDbContext db, TimeProvider time, CancellationToken cancellationToken)
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

        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.OfficeId == opportunity.OfficeId, cancellationToken);
        var today = TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(office.TimeZone));
        var candidates = await db.Volunteers.AsNoTracking()
            .Where(v => v.OfficeId == opportunity.OfficeId && v.Status == VolunteerStatus.Approved)
            .ToListAsync(cancellationToken);
        var requirement = new MatchRequirement(opportunity.Weekday, opportunity.From, opportunity.To, opportunity.Skills, opportunity.Languages);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        return await RecordedAsync(db, user, opportunity.OfficeId, MatchRanking.Rank(candidates, requirement, await HoursInMonthAsync(db, candidates, monthStart, cancellationToken)), time, cancellationToken);
    }

    /// <summary>Suggestions name volunteers: whoever is shown them is in the access record.</summary>
    private static async Task<Ok<IReadOnlyList<VolunteerMatch>>> RecordedAsync(
        EngagementDbContext db, ClaimsPrincipal user, Guid officeId, IReadOnlyList<VolunteerMatch> matches, TimeProvider time, CancellationToken cancellationToken)
    {
        await db.RecordPersonalDataReadAsync(user, officeId, "matching", [.. matches.Select(match => match.VolunteerId)], time, cancellationToken);
        return TypedResults.Ok(matches);
    }

    private static async Task<Dictionary<Guid, decimal>> HoursInMonthAsync(
        EngagementDbContext db, IReadOnlyCollection<Volunteer> volunteers, DateOnly monthStart, CancellationToken cancellationToken)
    {
        var ids = volunteers.Select(v => v.Id).ToList();
        var monthEnd = monthStart.AddMonths(1);
        return await db.HoursEntries.AsNoTracking()
            .Where(h => ids.Contains(h.VolunteerId) && h.Date >= monthStart && h.Date < monthEnd)
            .GroupBy(h => h.VolunteerId)
            .Select(g => new { VolunteerId = g.Key, Hours = g.Sum(h => h.Hours) })
            .ToDictionaryAsync(g => g.VolunteerId, g => g.Hours, cancellationToken);
    }
}
