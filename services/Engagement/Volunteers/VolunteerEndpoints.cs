using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Quartier.Contracts.Engagement;
using Quartier.Engagement.Common;
using Quartier.Engagement.Data;
using Quartier.Engagement.Mail;
using Quartier.Engagement.Shifts;
using Quartier.ServiceDefaults.Mail;
using Quartier.ServiceDefaults.Privacy;
using Quartier.ServiceDefaults.Messaging.Outbox;
using System.Security.Claims;
using Quartier.ServiceDefaults.Security;

namespace Quartier.Engagement.Volunteers;

public static class VolunteerEndpoints
{
    public const string ManagePath = "/api/engagement/volunteers/manage";

    public static RouteGroupBuilder MapVolunteers(this IEndpointRouteBuilder app)
    {
        app.MapGet(ManagePath + "/{token}", GetByToken).WithTags("Volunteers").AllowAnonymous()
            .WithSummary("Where a volunteer's sign-up stands, by the volunteer's own link (public: the link is the key)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var office = app.MapGroup("/api/engagement/offices/{officeId:guid}/volunteers").WithTags("Volunteers");
        office.MapPost("/", SignUp).WithSummary("Sign up as a volunteer at an office (public, no account)").AllowAnonymous()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        office.MapGet("/", ListVolunteers).WithSummary("Volunteers of an office, optionally by status, with contact data (office staff; recorded)").RequireStaff(StaffPolicies.OfficeStaff);

        var group = app.MapGroup("/api/engagement/volunteers").WithTags("Volunteers");
        group.MapGet("/{id:guid}", GetVolunteer).WithName(nameof(GetVolunteer)).WithSummary("One volunteer, with contact data (office staff; recorded)").RequireStaff(StaffPolicies.OfficeStaff);
        group.MapPost("/{id:guid}/approve", Approve).WithSummary("Approve a pending or paused volunteer (office staff)").RequireStaff(StaffPolicies.OfficeStaff);
        group.MapPost("/{id:guid}/pause", Pause).WithSummary("Pause an approved volunteer (office staff)").RequireStaff(StaffPolicies.OfficeStaff);
        group.MapPost("/{id:guid}/end", End).WithSummary("End a volunteer's engagement (office staff)").RequireStaff(StaffPolicies.OfficeStaff);
        return group;
    }

    private static async Task<Results<Created<SignedUpResponse>, ProblemHttpResult>> SignUp(
        Guid officeId, SignUpVolunteerRequest request, EngagementDbContext db, EngagementMail mail, TimeProvider time, EngagementMetrics metrics, CancellationToken cancellationToken)
    {
        var office = await db.Offices.FindAsync([officeId], cancellationToken);
        if (office is not { IsOpen: true })
        {
            return Problems.OfficeNotUsable(officeId, office is not null);
        }

        var now = time.GetUtcNow();
        var token = ManagementToken.Create();
        var volunteer = Volunteer.SignUp(Guid.CreateVersion7(now), officeId, request, ManagementToken.Hash(token), MailWording.Written(request.MessageLanguage), now);
        db.Volunteers.Add(volunteer);
        await mail.SignedUpAsync(volunteer, token, cancellationToken);
        db.AddIntegrationEvent(new VolunteerSignedUp(volunteer.Id, volunteer.OfficeId, volunteer.Languages, volunteer.Skills, volunteer.AgeGroup, now), time);
        await db.SaveChangesAsync(cancellationToken);
        metrics.VolunteerSignedUp();
        var url = $"{ManagePath}/{token}";
        return TypedResults.Created(url, new SignedUpResponse(volunteer.Id, volunteer.Status, token, url));
    }

    private static async Task<Results<Ok<SignUpStatusResponse>, ProblemHttpResult>> GetByToken(string token, EngagementDbContext db, CancellationToken cancellationToken)
    {
        var hash = ManagementToken.Hash(token);
        var found = await db.Volunteers.AsNoTracking()
            .Where(v => v.ManagementTokenHash == hash && v.PersonalDataErasedAt == null)
            .Join(db.Offices, v => v.OfficeId, o => o.OfficeId, (v, o) => new SignUpStatusResponse(v.Id, v.OfficeId, o.Name, v.Status, v.SignedUpAt, v.ApprovedAt, v.EndedAt))
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? Problems.NotFound("Volunteer") : TypedResults.Ok(found);
    }

    private static async Task<Results<Ok<VolunteerResponse>, NotFound, ProblemHttpResult>> GetVolunteer(
        Guid id, ClaimsPrincipal user, EngagementDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var volunteer = await db.Volunteers.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (volunteer is null)
        {
            return TypedResults.NotFound();
        }

        if (!user.WorksIn(volunteer.OfficeId))
        {
            return StaffEndpoints.OtherOffice();
        }

        await db.RecordPersonalDataReadAsync(user, volunteer.OfficeId, "volunteer", [volunteer.Id], time, cancellationToken);
        return TypedResults.Ok(VolunteerResponse.From(volunteer));
    }

    private static async Task<Ok<List<VolunteerResponse>>> ListVolunteers(
        Guid officeId, VolunteerStatus? status, ClaimsPrincipal user, EngagementDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var query = db.Volunteers.AsNoTracking().Where(v => v.OfficeId == officeId);
        if (status is { } wanted)
        {
            query = query.Where(v => v.Status == wanted);
        }

        var volunteers = await query.OrderBy(v => v.SignedUpAt).ToListAsync(cancellationToken);
        await db.RecordPersonalDataReadAsync(user, officeId, "volunteers", [.. volunteers.Select(v => v.Id)], time, cancellationToken);
        return TypedResults.Ok(volunteers.Select(VolunteerResponse.From).ToList());
    }

    private static Task<Results<Ok<VolunteerResponse>, ProblemHttpResult>> Approve(Guid id, ClaimsPrincipal user, EngagementDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, user, db, time, [VolunteerStatus.Pending, VolunteerStatus.Paused], VolunteerStatus.Approved, volunteer =>
        {
            var now = time.GetUtcNow();
            volunteer.ApprovedAt = now;
            db.AddIntegrationEvent(new VolunteerApproved(volunteer.Id, volunteer.OfficeId, now), time);
        }, cancellationToken);

    private static Task<Results<Ok<VolunteerResponse>, ProblemHttpResult>> Pause(Guid id, ClaimsPrincipal user, EngagementDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, user, db, time, [VolunteerStatus.Approved], VolunteerStatus.Paused, volunteer =>
            db.AddIntegrationEvent(new VolunteerPaused(volunteer.Id, volunteer.OfficeId, time.GetUtcNow()), time), cancellationToken);

    private static Task<Results<Ok<VolunteerResponse>, ProblemHttpResult>> End(Guid id, ClaimsPrincipal user, EngagementDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, user, db, time, [VolunteerStatus.Pending, VolunteerStatus.Approved, VolunteerStatus.Paused], VolunteerStatus.Ended, volunteer =>
        {
            var now = time.GetUtcNow();
            volunteer.EndedAt = now;
            db.AddIntegrationEvent(new VolunteerEnded(volunteer.Id, volunteer.OfficeId, now), time);
        }, cancellationToken, freesShiftPlaces: true);

    private static async Task<Results<Ok<VolunteerResponse>, ProblemHttpResult>> ChangeAsync(
        Guid id, ClaimsPrincipal user, EngagementDbContext db, TimeProvider time, VolunteerStatus[] allowedFrom, VolunteerStatus to, Action<Volunteer> announce, CancellationToken cancellationToken,
        bool freesShiftPlaces = false)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var volunteer = await db.Volunteers.SingleOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (volunteer is null)
        {
            return Problems.NotFound("Volunteer");
        }

        if (!user.WorksIn(volunteer.OfficeId))
        {
            return StaffEndpoints.OtherOffice();
        }

        if (!allowedFrom.Contains(volunteer.Status))
        {
            return Problems.Conflict($"A volunteer who is {volunteer.Status} cannot become {to}.",
                $"Allowed from: {string.Join(", ", allowedFrom)}.");
        }

        volunteer.Status = to;
        announce(volunteer);
        if (freesShiftPlaces)
        {
            await db.FreeUpcomingPlacesAsync(volunteer.Id, time, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await db.RecordPersonalDataReadAsync(user, volunteer.OfficeId, $"volunteer-{to.ToString().ToLowerInvariant()}", [volunteer.Id], time, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(VolunteerResponse.From(volunteer));
    }
}
