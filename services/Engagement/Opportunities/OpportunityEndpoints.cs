using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Quartier.Engagement.Common;
using Quartier.Engagement.Data;
using Quartier.Engagement.Volunteers;
using System.Security.Claims;
using Quartier.ServiceDefaults.Security;

namespace Quartier.Engagement.Opportunities;

public static class OpportunityEndpoints
{
    public static RouteGroupBuilder MapOpportunities(this IEndpointRouteBuilder app)
    {
        var office = app.MapGroup("/api/engagement/offices/{officeId:guid}/opportunities").WithTags("Opportunities");
        office.MapPost("/", CreateOpportunity).WithSummary("Offer an ongoing volunteer role at an open office (office staff)").RequireStaff(StaffPolicies.OfficeStaff)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        office.MapGet("/", ListOpportunities).WithSummary("Volunteer roles of an office").AllowAnonymous();

        var group = app.MapGroup("/api/engagement/opportunities").WithTags("Opportunities");
        group.MapGet("/{id:guid}", GetOpportunity).WithName(nameof(GetOpportunity)).WithSummary("One volunteer role").AllowAnonymous();
        return group;
    }

    private static async Task<Results<CreatedAtRoute<OpportunityResponse>, ProblemHttpResult>> CreateOpportunity(
        Guid officeId, CreateOpportunityRequest request, EngagementDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var office = await db.Offices.FindAsync([officeId], cancellationToken);
        if (office is not { IsOpen: true })
        {
            return Problems.OfficeNotUsable(officeId, office is not null);
        }

        var now = time.GetUtcNow();
        var opportunity = new Opportunity
        {
            Id = Guid.CreateVersion7(now),
            OfficeId = office.OfficeId,
            Title = request.Title.Trim(),
            Description = request.Description?.Trim(),
            FieldOfAction = request.FieldOfAction,
            Skills = VolunteerSkills.Normalise(request.Skills ?? []),
            Languages = (request.Languages ?? []).Distinct().ToList(),
            Weekday = request.Weekday,
            From = request.From,
            To = request.To,
            CreatedAt = now,
        };
        db.Opportunities.Add(opportunity);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.CreatedAtRoute(OpportunityResponse.Of(opportunity), nameof(GetOpportunity), new { id = opportunity.Id });
    }

    private static async Task<Ok<List<OpportunityResponse>>> ListOpportunities(Guid officeId, EngagementDbContext db, CancellationToken cancellationToken)
    {
        var opportunities = await db.Opportunities.AsNoTracking().Where(o => o.OfficeId == officeId).OrderBy(o => o.Title).ToListAsync(cancellationToken);
        return TypedResults.Ok(opportunities.Select(OpportunityResponse.Of).ToList());
    }

    private static async Task<Results<Ok<OpportunityResponse>, NotFound>> GetOpportunity(Guid id, EngagementDbContext db, CancellationToken cancellationToken) =>
        await db.Opportunities.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken) is { } opportunity
            ? TypedResults.Ok(OpportunityResponse.Of(opportunity))
            : TypedResults.NotFound();
}
