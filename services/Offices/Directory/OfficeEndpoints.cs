using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Quartier.Contracts.Offices;
using Quartier.Offices.Data;
using Quartier.ServiceDefaults.Messaging.Outbox;

namespace Quartier.Offices.Directory;

public static class OfficeEndpoints
{
    public static RouteGroupBuilder MapOfficeDirectory(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/offices").WithTags("Offices");
        group.MapGet("/", ListOffices).WithSummary("Offices in the directory, by name, page by page");
        group.MapGet("/{id:guid}", GetOffice).WithName(nameof(GetOffice)).WithSummary("One office");
        group.MapPost("/", RegisterOffice).WithSummary("Add an office to the directory (staff)");
        return group;
    }

    private static async Task<Ok<OfficePage>> ListOffices(OfficesDbContext db, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(pageSize ?? 20, 1, OfficeLimits.MaxPageSize);
        var number = Math.Max(page ?? 1, 1);
        var query = db.Offices.AsNoTracking();
        var total = await query.CountAsync(cancellationToken);
        var offices = await query
            .OrderBy(office => office.Name).ThenBy(office => office.Id)
            .Skip((number - 1) * size).Take(size)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new OfficePage(offices.Select(OfficeResponse.From).ToList(), number, size, total));
    }

    private static async Task<Results<Ok<OfficeResponse>, NotFound>> GetOffice(Guid id, OfficesDbContext db, CancellationToken cancellationToken)
    {
        var office = await db.Offices.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        return office is null ? TypedResults.NotFound() : TypedResults.Ok(OfficeResponse.From(office));
    }

    private static async Task<CreatedAtRoute<OfficeResponse>> RegisterOffice(
        RegisterOfficeRequest request, OfficesDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var office = new Office
        {
            Id = Guid.CreateVersion7(now),
            Name = request.Name.Trim(),
            Kind = request.Kind.Trim(),
            Street = request.Street.Trim(),
            PostalCode = request.PostalCode,
            Town = request.Town.Trim(),
            FederalState = request.FederalState,
            TimeZone = request.TimeZone ?? RegisterOfficeRequest.DefaultTimeZone,
            RegisteredAt = now,
        };
        db.Offices.Add(office);
        db.AddIntegrationEvent(new OfficeRegistered(
            office.Id, office.Name, office.Kind, office.Street, office.PostalCode, office.Town,
            office.FederalState, office.TimeZone, office.RegisteredAt), time);
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.CreatedAtRoute(OfficeResponse.From(office), nameof(GetOffice), new { id = office.Id });
    }
}
