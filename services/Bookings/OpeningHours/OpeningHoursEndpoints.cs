using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quartier.Bookings.Data;
using Quartier.Bookings.Offices;
using Quartier.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;
using EntityTags = Quartier.ServiceDefaults.Http.EntityTags;

namespace Quartier.Bookings.OpeningHours;

public static class OpeningHoursEndpoints
{
    public static RouteGroupBuilder MapOpeningHours(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/bookings/offices/open-now", ListOpenNow).WithTags("Opening hours")
            .WithSummary("The offices open at this moment, each with the time it closes").AllowAnonymous();
        var group = app.MapGroup("/api/bookings/offices/{officeId:guid}").WithTags("Opening hours");
        group.MapGet("/opening-hours", GetSchedule).WithSummary("The office's weekly plans, exceptions and closures; the ETag header carries their version").AllowAnonymous();
        group.MapGet("/opening-hours/effective", GetEffective).WithSummary("Effective opening hours per local date (holidays, exceptions and closures applied)").AllowAnonymous();
        group.MapGet("/open-now", GetOpenNow).WithSummary("Whether the office is open at this moment").AllowAnonymous();
        group.MapPut("/opening-hours/plans/{validFrom}", SetPlan).WithSummary("Set the weekly plan in force from a date on (office lead)").RequireStaff(StaffPolicies.OfficeLead)
            .WithDescription("If-Match is optional; when given, opening hours changed by someone else meanwhile are a 412 and nothing is changed.")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapDelete("/opening-hours/plans/{validFrom}", RemovePlan).WithSummary("Remove the weekly plan starting on a date (office lead)").RequireStaff(StaffPolicies.OfficeLead);
        group.MapPut("/opening-hours/exceptions/{date}", SetException).WithSummary("Special hours or closed on one day (office lead)").RequireStaff(StaffPolicies.OfficeLead);
        group.MapDelete("/opening-hours/exceptions/{date}", RemoveException).WithSummary("Back to the plan on one day (office lead)").RequireStaff(StaffPolicies.OfficeLead);
        group.MapPost("/opening-hours/closures", AddClosure).WithSummary("Close the office for a period (office lead)").RequireStaff(StaffPolicies.OfficeLead);
        group.MapDelete("/opening-hours/closures/{closureId:guid}", RemoveClosure).WithSummary("Remove a closure period (office lead)").RequireStaff(StaffPolicies.OfficeLead);
        return group;
    }

    private static async Task<Results<Ok<ScheduleResponse>, NotFound>> GetSchedule(Guid officeId, HttpResponse response, BookingsDbContext db, CancellationToken cancellationToken)
    {
        var office = await db.FindOfficeAsync(officeId, cancellationToken);
        if (office is null)
        {
            return TypedResults.NotFound();
        }

        var schedule = await db.Schedules.AsNoTracking().SingleOrDefaultAsync(s => s.OfficeId == officeId, cancellationToken)
            ?? new OfficeSchedule { OfficeId = officeId };
        response.Headers.ETag = EntityTags.For(schedule.Version);
        return TypedResults.Ok(new ScheduleResponse(
            officeId,
            office.TimeZone,
            [.. schedule.Plans.OrderBy(p => p.ValidFrom)],
            [.. schedule.Exceptions.OrderBy(e => e.Date)],
            [.. schedule.Closures.OrderBy(c => c.From)]));
    }

    private static async Task<Results<Ok<List<EffectiveDayResponse>>, NotFound, ProblemHttpResult>> GetEffective(
        Guid officeId, DateOnly from, DateOnly to, BookingsDbContext db, CancellationToken cancellationToken)
    {
        if (to < from || to.DayNumber - from.DayNumber > IntervalRules.MaxRangeDays)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid date range.",
                detail: $"'to' must not be before 'from', and the range spans at most {IntervalRules.MaxRangeDays} days.");
        }

        var loaded = await LoadAsync(db, officeId, cancellationToken);
        if (loaded is not var (office, schedule))
        {
            return TypedResults.NotFound();
        }

        var zone = office.Zone();
        var days = EffectiveOpeningHours.For(office, schedule, from, to)
            .Select(d => new EffectiveDayResponse(
                d.Date,
                d.Intervals.Count > 0,
                d.LocalIntervals,
                [.. d.Intervals.Select(i => new OpenInterval(OfficeTime.InOfficeTime(i.StartsAt, zone), OfficeTime.InOfficeTime(i.EndsAt, zone)))],
                d.Holiday,
                d.ClosureReason))
            .ToList();
        return TypedResults.Ok(days);
    }

    private static async Task<Results<Ok<OpenNowResponse>, NotFound>> GetOpenNow(Guid officeId, BookingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(db, officeId, cancellationToken);
        if (loaded is not var (office, schedule))
        {
            return TypedResults.NotFound();
        }

        var now = time.GetUtcNow();
        var zone = office.Zone();
        var (current, next) = OpenAt(office, schedule, now, daysAhead: 31);
        return TypedResults.Ok(new OpenNowResponse(
            current is not null,
            current is null ? null : OfficeTime.InOfficeTime(current.EndsAt, zone),
            next is null ? null : OfficeTime.InOfficeTime(next.StartsAt, zone)));
    }

    private static async Task<Ok<List<OpenOfficeResponse>>> ListOpenNow(BookingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var offices = await db.Offices.AsNoTracking().Where(o => o.DescribedAt != null && o.ClosedAt == null).ToListAsync(cancellationToken);
        var ids = offices.Select(o => o.OfficeId).ToList();
        var schedules = await db.Schedules.AsNoTracking().Where(s => ids.Contains(s.OfficeId)).ToDictionaryAsync(s => s.OfficeId, cancellationToken);
        var open = new List<OpenOfficeResponse>();
        foreach (var office in offices)
        {
            var schedule = schedules.GetValueOrDefault(office.OfficeId) ?? new OfficeSchedule { OfficeId = office.OfficeId };
            if (OpenAt(office, schedule, now, daysAhead: 1).Current is { } current)
            {
                open.Add(new OpenOfficeResponse(office.OfficeId, OfficeTime.InOfficeTime(current.EndsAt, office.Zone())));
            }
        }

        return TypedResults.Ok(open);
    }

    /// <summary>The opening interval <paramref name="now"/> falls in, if any, and the next one within <paramref name="daysAhead"/>.</summary>
    private static (OpenInterval? Current, OpenInterval? Next) OpenAt(BookableOffice office, OfficeSchedule schedule, DateTimeOffset now, int daysAhead)
    {
        var today = OfficeTime.LocalDate(now, office.Zone());
        var intervals = EffectiveOpeningHours.For(office, schedule, today.AddDays(-1), today.AddDays(daysAhead)).Intervals().ToList();
        return (intervals.FirstOrDefault(i => i.StartsAt <= now && now < i.EndsAt), intervals.FirstOrDefault(i => i.StartsAt > now));
    }

    private static Task<IResult> SetPlan(
        Guid officeId, DateOnly validFrom, SetWeeklyPlanRequest request, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, ScheduleEditor editor, CancellationToken cancellationToken) =>
        editor.EditAsync(officeId, schedule => schedule.Plans =
        [
            .. schedule.Plans.Where(p => p.ValidFrom != validFrom),
            new WeeklyPlan(validFrom, [.. request.Intervals!.Select(i => new WeeklyInterval(i.Day!.Value, i.Opens!.Value, i.Closes!.Value)).OrderBy(i => i.Day).ThenBy(i => i.Opens)]),
        ], cancellationToken, ifMatch);

    private static Task<IResult> RemovePlan(Guid officeId, DateOnly validFrom, ScheduleEditor editor, CancellationToken cancellationToken) =>
        editor.EditAsync(officeId, schedule => schedule.Plans = [.. schedule.Plans.Where(p => p.ValidFrom != validFrom)], cancellationToken);

    private static Task<IResult> SetException(Guid officeId, DateOnly date, SetDayExceptionRequest request, ScheduleEditor editor, CancellationToken cancellationToken) =>
        editor.EditAsync(officeId, schedule => schedule.Exceptions =
        [
            .. schedule.Exceptions.Where(e => e.Date != date),
            new SpecialDay(date, [.. (request.Intervals ?? []).Select(i => new LocalInterval(i.Opens!.Value, i.Closes!.Value)).OrderBy(i => i.Opens)], request.Reason?.Trim()),
        ], cancellationToken);

    private static Task<IResult> RemoveException(Guid officeId, DateOnly date, ScheduleEditor editor, CancellationToken cancellationToken) =>
        editor.EditAsync(officeId, schedule => schedule.Exceptions = [.. schedule.Exceptions.Where(e => e.Date != date)], cancellationToken);

    private static Task<IResult> AddClosure(Guid officeId, AddClosureRequest request, ScheduleEditor editor, TimeProvider time, CancellationToken cancellationToken) =>
        editor.EditAsync(officeId, schedule => schedule.Closures =
        [
            .. schedule.Closures,
            new ClosurePeriod(Guid.CreateVersion7(time.GetUtcNow()), request.From!.Value, request.To!.Value, request.Reason?.Trim()),
        ], cancellationToken);

    private static Task<IResult> RemoveClosure(Guid officeId, Guid closureId, ScheduleEditor editor, CancellationToken cancellationToken) =>
        editor.EditAsync(officeId, schedule => schedule.Closures = [.. schedule.Closures.Where(c => c.Id != closureId)], cancellationToken);

    private static async Task<(BookableOffice Office, OfficeSchedule Schedule)?> LoadAsync(BookingsDbContext db, Guid officeId, CancellationToken cancellationToken)
    {
        var office = await db.FindOfficeAsync(officeId, cancellationToken);
        if (office is null)
        {
            return null;
        }

        var schedule = await db.Schedules.AsNoTracking().SingleOrDefaultAsync(s => s.OfficeId == officeId, cancellationToken)
            ?? new OfficeSchedule { OfficeId = officeId };
        return (office, schedule);
    }
}

/// <summary>Applies one staff edit to an office's schedule and announces the new effective hours in the same transaction.</summary>
public sealed class ScheduleEditor(BookingsDbContext db, OpeningHoursAnnouncer announcer, TimeProvider time)
{
    /// <summary>Edits the schedule; with <paramref name="ifMatch"/>, only the version it names (412 otherwise).</summary>
    public async Task<IResult> EditAsync(Guid officeId, Action<OfficeSchedule> edit, CancellationToken cancellationToken, string? ifMatch = null)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var office = await db.FindOfficeAsync(officeId, cancellationToken);
        if (office is null)
        {
            return TypedResults.NotFound();
        }

        var schedule = await db.Schedules.SingleOrDefaultAsync(s => s.OfficeId == officeId, cancellationToken);
        if (ifMatch is not null && !EntityTags.Matches(ifMatch, EntityTags.For(schedule?.Version ?? 0)))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status412PreconditionFailed,
                title: "The opening hours were changed by someone else.",
                detail: "Load the opening hours again (their ETag changed) and apply your change to the current ones.");
        }

        if (schedule is null)
        {
            schedule = new OfficeSchedule { OfficeId = officeId };
            db.Schedules.Add(schedule);
        }

        edit(schedule);
        schedule.ChangedAt = time.GetUtcNow();
        await announcer.AnnounceAsync(office, schedule, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Someone else changed these opening hours at the same time.",
                detail: "Load the current opening hours and apply your change again.");
        }

        return TypedResults.Ok(new ScheduleResponse(
            officeId,
            office.TimeZone,
            [.. schedule.Plans.OrderBy(p => p.ValidFrom)],
            [.. schedule.Exceptions.OrderBy(e => e.Date)],
            [.. schedule.Closures.OrderBy(c => c.From)]));
    }
}
