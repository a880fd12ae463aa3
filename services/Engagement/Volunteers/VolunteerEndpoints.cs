using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Quartier.Contracts.Engagement;
using Quartier.Engagement.Common;
using Quartier.Engagement.Data;
using Quartier.ServiceDefaults.Messaging.Outbox;

namespace Quartier.Engagement.Volunteers;

public static class VolunteerEndpoints
{
    public static RouteGroupBuilder MapVolunteers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/engagement/volunteers").WithTags("Volunteers");
        group.MapPost("/", SignUp).WithSummary("Sign up as a volunteer at an office (public, no account)");
        group.MapGet("/{id:guid}", GetVolunteer).WithName(nameof(GetVolunteer)).WithSummary("One volunteer (staff)");
        group.MapGet("/", ListVolunteers).WithSummary("Volunteers of an office, optionally by status (staff)");
        group.MapPost("/{id:guid}/approve", Approve).WithSummary("Approve a pending or paused volunteer (staff)");
        group.MapPost("/{id:guid}/pause", Pause).WithSummary("Pause an approved volunteer (staff)");
        group.MapPost("/{id:guid}/end", End).WithSummary("End a volunteer's engagement (staff)");
        return group;
    }

    private static async Task<Results<Created<SignedUpResponse>, ProblemHttpResult>> SignUp(
        SignUpVolunteerRequest request, EngagementDbContext db, TimeProvider time, EngagementMetrics metrics, CancellationToken cancellationToken)
    {
        var office = await db.Offices.FindAsync([request.OfficeId], cancellationToken);
        if (office is not { IsOpen: true })
        {
            return Problems.OfficeNotUsable(request.OfficeId, office is not null);
        }

        var now = time.GetUtcNow();
        var volunteer = Volunteer.SignUp(Guid.CreateVersion7(now), request, now);
        db.Volunteers.Add(volunteer);
        db.AddIntegrationEvent(new VolunteerSignedUp(volunteer.Id, volunteer.OfficeId, volunteer.Languages, volunteer.Skills, volunteer.AgeGroup, now), time);
        await db.SaveChangesAsync(cancellationToken);
        metrics.VolunteerSignedUp();
        return TypedResults.Created($"/api/engagement/volunteers/{volunteer.Id}", new SignedUpResponse(volunteer.Id, volunteer.Status));
    }

    private static async Task<Results<Ok<VolunteerResponse>, NotFound>> GetVolunteer(Guid id, EngagementDbContext db, CancellationToken cancellationToken) =>
        await db.Volunteers.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, cancellationToken) is { } volunteer
            ? TypedResults.Ok(VolunteerResponse.From(volunteer))
            : TypedResults.NotFound();

    private static async Task<Ok<List<VolunteerResponse>>> ListVolunteers(
        Guid officeId, VolunteerStatus? status, EngagementDbContext db, CancellationToken cancellationToken)
    {
        var query = db.Volunteers.AsNoTracking().Where(v => v.OfficeId == officeId);
        if (status is { } wanted)
        {
            query = query.Where(v => v.Status == wanted);
        }

        var volunteers = await query.OrderBy(v => v.SignedUpAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(volunteers.Select(VolunteerResponse.From).ToList());
    }

    private static Task<Results<Ok<VolunteerResponse>, ProblemHttpResult>> Approve(Guid id, EngagementDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, db, [VolunteerStatus.Pending, VolunteerStatus.Paused], VolunteerStatus.Approved, volunteer =>
        {
            var now = time.GetUtcNow();
            volunteer.ApprovedAt = now;
            db.AddIntegrationEvent(new VolunteerApproved(volunteer.Id, volunteer.OfficeId, now), time);
        }, cancellationToken);

    private static Task<Results<Ok<VolunteerResponse>, ProblemHttpResult>> Pause(Guid id, EngagementDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, db, [VolunteerStatus.Approved], VolunteerStatus.Paused, volunteer =>
            db.AddIntegrationEvent(new VolunteerPaused(volunteer.Id, volunteer.OfficeId, time.GetUtcNow()), time), cancellationToken);

    private static Task<Results<Ok<VolunteerResponse>, ProblemHttpResult>> End(Guid id, EngagementDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, db, [VolunteerStatus.Pending, VolunteerStatus.Approved, VolunteerStatus.Paused], VolunteerStatus.Ended, volunteer =>
        {
            var now = time.GetUtcNow();
            volunteer.EndedAt = now;
            db.AddIntegrationEvent(new VolunteerEnded(volunteer.Id, volunteer.OfficeId, now), time);
        }, cancellationToken);

    private static async Task<Results<Ok<VolunteerResponse>, ProblemHttpResult>> ChangeAsync(
        Guid id, EngagementDbContext db, VolunteerStatus[] allowedFrom, VolunteerStatus to, Action<Volunteer> announce, CancellationToken cancellationToken)
    {
        var volunteer = await db.Volunteers.SingleOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (volunteer is null)
        {
            return Problems.NotFound("Volunteer");
        }

        if (!allowedFrom.Contains(volunteer.Status))
        {
            return Problems.Conflict($"A volunteer who is {volunteer.Status} cannot become {to}.",
                $"Allowed from: {string.Join(", ", allowedFrom)}.");
        }

        volunteer.Status = to;
        announce(volunteer);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(VolunteerResponse.From(volunteer));
    }
}
