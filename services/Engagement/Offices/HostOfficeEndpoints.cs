using Microsoft.AspNetCore.Http.HttpResults;
using Quartier.Engagement.Data;
using Quartier.ServiceDefaults.Security;

namespace Quartier.Engagement.Offices;

public sealed record HostOfficeResponse(Guid OfficeId, string Name, string Town, string TimeZone, bool IsOpen);

public static class HostOfficeEndpoints
{
    public static RouteGroupBuilder MapHostOffices(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/engagement/offices").WithTags("Offices").AllowAnonymous();
        group.MapGet("/{officeId:guid}", GetOffice).WithSummary("One office as Engagement knows it");
        return group;
    }

    private static async Task<Results<Ok<HostOfficeResponse>, NotFound>> GetOffice(Guid officeId, EngagementDbContext db, CancellationToken cancellationToken) =>
        await db.Offices.FindAsync([officeId], cancellationToken) is { DescribedAt: not null } office
            ? TypedResults.Ok(new HostOfficeResponse(office.OfficeId, office.Name, office.Town, office.TimeZone, office.IsOpen))
            : TypedResults.NotFound();
}
