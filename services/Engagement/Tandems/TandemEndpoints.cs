using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Quartier.Contracts.Engagement;
using Quartier.Engagement.Common;
using Quartier.Engagement.Data;
using Quartier.Engagement.Volunteers;
using Quartier.ServiceDefaults.Messaging.Outbox;
using System.Security.Claims;
using Quartier.ServiceDefaults.Security;

namespace Quartier.Engagement.Tandems;

public static class TandemEndpoints
{
    public static RouteGroupBuilder MapTandems(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/engagement/tandems").WithTags("Tandems").RequireStaff(StaffPolicies.OfficeStaff);
        group.MapPost("/", FormTandem).WithSummary("Pair an approved volunteer with a partner for a purpose (staff)");
        app.MapGet("/api/engagement/offices/{officeId:guid}/tandems", ListTandems).WithTags("Tandems").WithName(nameof(ListTandems))
            .WithSummary("An office's tandems, running ones first, optionally with the ended (office staff; recorded)").RequireStaff(StaffPolicies.OfficeStaff);
        group.MapGet("/{id:guid}", GetTandem).WithName(nameof(GetTandem)).WithSummary("One tandem (staff)");
        group.MapPost("/{id:guid}/end", EndTandem).WithSummary("End a tandem (staff)");
        return group;
    }

    private static async Task<Results<CreatedAtRoute<TandemResponse>, ProblemHttpResult>> FormTandem(
        FormTandemRequest request, ClaimsPrincipal user, EngagementDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var volunteer = await db.Volunteers.AsNoTracking().SingleOrDefaultAsync(v => v.Id == request.VolunteerId, cancellationToken);
        if (volunteer is null)
        {
            return Problems.NotFound("Volunteer");
        }

        if (!user.WorksIn(volunteer.OfficeId))
        {
            return StaffEndpoints.OtherOffice();
        }

        if (volunteer.Status != VolunteerStatus.Approved)
        {
            return Problems.Unprocessable("The volunteer is not approved.", $"The volunteer is {volunteer.Status}.");
        }

        var now = time.GetUtcNow();
        var tandem = Tandem.Form(Guid.CreateVersion7(now), volunteer.OfficeId, volunteer.Id, request.PartnerName.Trim(), request.Purpose.Trim(), request.StartsOn, request.EndsOn, now);
        db.Tandems.Add(tandem);
        db.AddIntegrationEvent(new TandemFormed(tandem.Id, tandem.OfficeId, tandem.Purpose, tandem.StartsOn, tandem.EndsOn, now), time);
        await db.SaveChangesAsync(cancellationToken);
        await db.RecordPersonalDataReadAsync(user, tandem.OfficeId, "tandem-formed", [tandem.Id], time, cancellationToken);
        return TypedResults.CreatedAtRoute(TandemResponse.From(tandem), nameof(GetTandem), new { id = tandem.Id });
    }

    private static async Task<Ok<List<TandemResponse>>> ListTandems(
        Guid officeId, bool? includeEnded, ClaimsPrincipal user, EngagementDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var query = db.Tandems.AsNoTracking().Where(t => t.OfficeId == officeId);
        if (includeEnded != true)
        {
            query = query.Where(t => t.EndedAt == null);
        }

        var tandems = await query.OrderBy(t => t.EndedAt != null).ThenBy(t => t.StartsOn).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        await db.RecordPersonalDataReadAsync(user, officeId, "tandems", [.. tandems.Select(t => t.Id)], time, cancellationToken);
        return TypedResults.Ok(tandems.Select(TandemResponse.From).ToList());
    }

    private static async Task<Results<Ok<TandemResponse>, NotFound, ProblemHttpResult>> GetTandem(
        Guid id, ClaimsPrincipal user, EngagementDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var tandem = await db.Tandems.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (tandem is null)
        {
            return TypedResults.NotFound();
        }

        if (!user.WorksIn(tandem.OfficeId))
        {
            return StaffEndpoints.OtherOffice();
        }

        await db.RecordPersonalDataReadAsync(user, tandem.OfficeId, "tandem", [tandem.Id], time, cancellationToken);
        return TypedResults.Ok(TandemResponse.From(tandem));
    }

    private static async Task<Results<Ok<TandemResponse>, ProblemHttpResult>> EndTandem(Guid id, ClaimsPrincipal user, EngagementDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var tandem = await db.Tandems.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (tandem is null)
        {
            return Problems.NotFound("Tandem");
        }

        if (!user.WorksIn(tandem.OfficeId))
        {
            return StaffEndpoints.OtherOffice();
        }

        if (tandem.EndedAt is not null)
        {
            return Problems.Conflict("The tandem has already ended.", $"It ended at {tandem.EndedAt:u}.");
        }

        var now = time.GetUtcNow();
        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.OfficeId == tandem.OfficeId, cancellationToken);
        tandem.End(now, office.Today(now));
        db.AddIntegrationEvent(new TandemEnded(tandem.Id, tandem.OfficeId, now), time);
        await db.SaveChangesAsync(cancellationToken);
        await db.RecordPersonalDataReadAsync(user, tandem.OfficeId, "tandem-ended", [tandem.Id], time, cancellationToken);
        return TypedResults.Ok(TandemResponse.From(tandem));
    }
}
