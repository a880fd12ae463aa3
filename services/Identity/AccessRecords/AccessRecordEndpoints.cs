using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Quartier.Identity.Accounts;
using Quartier.Identity.Data;
using Quartier.ServiceDefaults.Security;

namespace Quartier.Identity.AccessRecords;

public sealed record AccessRecordView(Guid Id, DateTimeOffset ReadAt, string Actor, string? ActorName, string Service, Guid? OfficeId, string Purpose, IReadOnlyList<Guid> RecordIds);

public sealed record AccessRecordQuery(
    Guid? OfficeId, string? Actor, DateTimeOffset? From, DateTimeOffset? To, [property: Range(1, 1000)] int? Limit);

public static class AccessRecordEndpoints
{
    public static IEndpointRouteBuilder MapAccessRecords(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/identity/access-records", Search).WithTags("Access record").WithName("SearchAccessRecords")
            .WithSummary("Who read residents' personal data, when, in which office and which records; newest first (administrators: all; an office's lead: the offices they lead)")
            .RequireStaffToken(StaffPolicies.OfficeLead);
        return app;
    }

    private static async Task<Ok<List<AccessRecordView>>> Search([AsParameters] AccessRecordQuery query, ClaimsPrincipal user, IdentityDbContext db, CancellationToken cancellationToken)
    {
        var records = db.AccessRecords.AsNoTracking();
        if (!user.IsAdministrator())
        {
            // The office answers for who read its residents' data; its lead sees that record, and no other office's.
            var led = user.Offices(StaffClaims.OfficeLead);
            records = records.Where(r => r.OfficeId != null && led.Contains(r.OfficeId.Value));
        }

        if (query.OfficeId is { } office)
        {
            records = records.Where(r => r.OfficeId == office);
        }

        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            records = records.Where(r => r.Actor == query.Actor);
        }

        if (query.From is { } from)
        {
            records = records.Where(r => r.ReadAt >= from.ToUniversalTime());
        }

        if (query.To is { } to)
        {
            records = records.Where(r => r.ReadAt < to.ToUniversalTime());
        }

        var found = await records.OrderByDescending(r => r.ReadAt).Take(query.Limit ?? 100).ToListAsync(cancellationToken);
        var actorIds = found.Select(r => Guid.TryParse(r.Actor, out var id) ? id : Guid.Empty).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(a => actorIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id.ToString(), a => a.DisplayName, cancellationToken);
        return TypedResults.Ok(found.Select(r => new AccessRecordView(
            r.Id, r.ReadAt, r.Actor, names.GetValueOrDefault(r.Actor), r.Service, r.OfficeId, r.Purpose, r.RecordIds)).ToList());
    }
}
