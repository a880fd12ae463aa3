using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Quartier.Contracts.Offices;
using Quartier.Offices.Data;
using Quartier.ServiceDefaults.Messaging.Outbox;
using System.Security.Claims;
using Quartier.ServiceDefaults.Security;

namespace Quartier.Offices.Directory;

/// <summary>What staff do to an office; each change commits together with the event announcing it.</summary>
internal static class OfficeCommands
{
    public static async Task<CreatedAtRoute<OfficeResponse>> RegisterOffice(
        OfficeRequest request, OfficesDbContext db, TimeProvider time, HttpResponse response, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var office = Office.Register(Guid.CreateVersion7(now), request, now);
        db.Offices.Add(office);
        db.AddIntegrationEvent(OfficeEvents.Registered(office), time);
        await db.SaveChangesAsync(cancellationToken);

        response.Headers.ETag = ETags.For(office);
        return TypedResults.CreatedAtRoute(OfficeResponse.From(office), nameof(OfficeQueries.GetOffice), new { id = office.Id });
    }

    public static async Task<Results<Ok<OfficeResponse>, NotFound, ProblemHttpResult>> UpdateOffice(
        Guid id,
        OfficeRequest request,
        [FromHeader(Name = ETags.IfMatchHeader)] string? ifMatch,
        ClaimsPrincipal user,
        OfficesDbContext db,
        TimeProvider time,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        if (!user.Leads(id))
        {
            return StaffEndpoints.OtherOffice();
        }

        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status428PreconditionRequired,
                title: "If-Match is required.",
                detail: "Send the ETag of the office as you last read it in If-Match, so that no one else's change is overwritten.");
        }

        var office = await db.Offices.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (office is null)
        {
            return TypedResults.NotFound();
        }

        if (!ETags.Matches(ifMatch, office))
        {
            return Stale();
        }

        if (office.Status == OfficeStatus.Closed)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The office is closed.",
                detail: $"It closed at {office.ClosedAt:O}; a closed office's data is kept as it was.");
        }

        var now = time.GetUtcNow();
        office.Apply(request);
        office.UpdatedAt = now;
        db.AddIntegrationEvent(OfficeEvents.Updated(office, now), time);
        if (!await TrySaveAsync(db, cancellationToken))
        {
            return Stale();
        }

        response.Headers.ETag = ETags.For(office);
        return TypedResults.Ok(OfficeResponse.From(office));
    }

    public static async Task<Results<Ok<OfficeResponse>, NotFound, ProblemHttpResult>> CloseOffice(
        Guid id,
        [FromHeader(Name = ETags.IfMatchHeader)] string? ifMatch,
        OfficesDbContext db,
        TimeProvider time,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var office = await db.Offices.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (office is null)
        {
            return TypedResults.NotFound();
        }

        if (!string.IsNullOrWhiteSpace(ifMatch) && !ETags.Matches(ifMatch, office))
        {
            return Stale();
        }

        if (office.Status == OfficeStatus.Closed)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The office is already closed.",
                detail: $"It closed at {office.ClosedAt:O}.");
        }

        var now = time.GetUtcNow();
        office.Status = OfficeStatus.Closed;
        office.ClosedAt = now;
        db.AddIntegrationEvent(new OfficeClosed(office.Id, now), time);
        if (!await TrySaveAsync(db, cancellationToken))
        {
            return Stale();
        }

        response.Headers.ETag = ETags.For(office);
        return TypedResults.Ok(OfficeResponse.From(office));
    }

    /// <summary>False when another change committed between reading the office and saving ours.</summary>
    private static async Task<bool> TrySaveAsync(OfficesDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    private static ProblemHttpResult Stale() => TypedResults.Problem(
        statusCode: StatusCodes.Status412PreconditionFailed,
        title: "The office was changed by someone else.",
        detail: "Load the office again (its ETag changed) and apply your change to the current version.");
}
