using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Quartier.Bookings.Data;
using Quartier.ServiceDefaults.Security;

namespace Quartier.Bookings.Offices;

public sealed record BookableOfficeResponse(Guid OfficeId, string Name, string Town, string FederalState, string TimeZone, bool AcceptsBookings);

public static class BookableOfficeEndpoints
{
    public static RouteGroupBuilder MapBookableOffices(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/bookings/offices").WithTags("Offices").AllowAnonymous();
        group.MapGet("/", ListOffices).WithSummary("Offices that take bookings");
        group.MapGet("/{officeId:guid}", GetOffice).WithSummary("One office as Bookings knows it");
        return group;
    }

    private static async Task<Ok<List<BookableOfficeResponse>>> ListOffices(BookingsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Offices.AsNoTracking()
            .Where(o => o.DescribedAt != null)
            .OrderBy(o => o.Name)
            .Select(o => new BookableOfficeResponse(o.OfficeId, o.Name, o.Town, o.FederalState, o.TimeZone, o.ClosedAt == null))
            .ToListAsync(cancellationToken));

    private static async Task<Results<Ok<BookableOfficeResponse>, NotFound>> GetOffice(Guid officeId, BookingsDbContext db, CancellationToken cancellationToken)
    {
        var office = await db.Offices.AsNoTracking()
            .Where(o => o.OfficeId == officeId && o.DescribedAt != null)
            .Select(o => new BookableOfficeResponse(o.OfficeId, o.Name, o.Town, o.FederalState, o.TimeZone, o.ClosedAt == null))
            .SingleOrDefaultAsync(cancellationToken);
        return office is null ? TypedResults.NotFound() : TypedResults.Ok(office);
    }
}
