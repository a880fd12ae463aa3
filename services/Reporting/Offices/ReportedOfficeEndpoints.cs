using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Quartier.Reporting.Data;

namespace Quartier.Reporting.Offices;

public sealed record ReportedOfficeResponse(Guid OfficeId, string? Name, string? Town, string? FederalState, string? ProjectArea, DateTimeOffset? RegisteredAt, DateTimeOffset? ClosedAt);

public static class ReportedOfficeEndpoints
{
    public static RouteGroupBuilder MapReportedOffices(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reporting/offices").WithTags("Offices").AllowAnonymous();
        group.MapGet("/", ListOffices).WithSummary("Offices known to reporting");
        group.MapGet("/{officeId:guid}", GetOffice).WithSummary("One office as reporting knows it");
        return group;
    }

    private static async Task<Ok<List<ReportedOfficeResponse>>> ListOffices(ReportingDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Offices.AsNoTracking()
            .OrderBy(o => o.Name)
            .Select(o => new ReportedOfficeResponse(o.OfficeId, o.Name, o.Town, o.FederalState, o.ProjectArea, o.RegisteredAt, o.ClosedAt))
            .ToListAsync(cancellationToken));

    private static async Task<Results<Ok<ReportedOfficeResponse>, NotFound>> GetOffice(Guid officeId, ReportingDbContext db, CancellationToken cancellationToken)
    {
        var office = await db.Offices.AsNoTracking()
            .Where(o => o.OfficeId == officeId)
            .Select(o => new ReportedOfficeResponse(o.OfficeId, o.Name, o.Town, o.FederalState, o.ProjectArea, o.RegisteredAt, o.ClosedAt))
            .SingleOrDefaultAsync(cancellationToken);
        return office is null ? TypedResults.NotFound() : TypedResults.Ok(office);
    }
}
