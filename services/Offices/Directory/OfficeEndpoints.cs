using Quartier.ServiceDefaults.Security;

namespace Quartier.Offices.Directory;

public static class OfficeEndpoints
{
    public static RouteGroupBuilder MapOfficeDirectory(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/offices").WithTags("Offices");

        group.MapGet("/", OfficeQueries.ListOffices)
            .WithName(nameof(OfficeQueries.ListOffices))
            .WithSummary("Find offices (public)")
            .AllowAnonymous()
            .WithDescription("Active offices by name, page by page; filter by town, language spoken (ISO 639-1), field of action, or free text over name, town and kind. includeClosed=true lists closed offices too.");

        group.MapGet("/{id:guid}", OfficeQueries.GetOffice)
            .WithName(nameof(OfficeQueries.GetOffice))
            .WithSummary("One office with its project area (public)")
            .AllowAnonymous()
            .WithDescription("The ETag header carries the office's version; send it back as If-Match to update or close it.");

        group.MapPost("/", OfficeCommands.RegisterOffice)
            .WithName(nameof(OfficeCommands.RegisterOffice))
            .WithSummary("Add an office to the directory (administrators)")
            .RequireStaff(StaffPolicies.Administrator)
            .WithDescription("Publishes OfficeRegistered. Honours Idempotency-Key.")
            .ProducesValidationProblem();

        group.MapPut("/{id:guid}", OfficeCommands.UpdateOffice)
            .WithName(nameof(OfficeCommands.UpdateOffice))
            .WithSummary("Replace an office's data, project area included (the office's lead, administrators)")
            .RequireStaff(StaffPolicies.OfficeLead)
            .WithDescription("Requires If-Match with the ETag last read: 428 without it, 412 when someone changed the office meanwhile, 409 when it is closed. Publishes OfficeUpdated.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        group.MapPost("/{id:guid}/close", OfficeCommands.CloseOffice)
            .WithName(nameof(OfficeCommands.CloseOffice))
            .WithSummary("Close an office (administrators)")
            .RequireStaff(StaffPolicies.Administrator)
            .WithDescription("If-Match is optional here; when given, a stale version is a 412. Closing a closed office is a 409. Publishes OfficeClosed.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        return group;
    }
}
