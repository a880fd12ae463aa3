using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartier.ServiceDefaults.Messaging.OfficeCopies;
using Quartier.ServiceDefaults.Security;

namespace Quartier.ServiceDefaults.Privacy;

public sealed record RetentionRequest([property: Required] int? Days);

/// <summary>How long an office keeps one kind of its residents' data: its own choice, or the deployment's when <paramref name="OwnChoice"/> is false.</summary>
public sealed record RetentionSetting(string Kind, int Days, bool OwnChoice, int MinimumDays, int MaximumDays, string Kept);

/// <summary>
/// An office's retention of the kinds of data a service holds, the same in every service that holds
/// residents' data: staff see it, the office lead chooses within the limits or returns to the deployment's.
/// </summary>
public static class OfficeRetentionEndpoints
{
    public static RouteGroupBuilder MapOfficeRetention<TContext, TOffice>(this IEndpointRouteBuilder app, string officesPath, params RetentionKind[] kinds)
        where TContext : DbContext
        where TOffice : OfficeCopy
    {
        // The service's context comes from the request's services: a handler parameter of the type parameter TContext crashes ASP.NET Core's route-handler analyzer.
        var group = app.MapGroup(officesPath + "/{officeId:guid}/retention").WithTags("Privacy");
        group.MapGet("/", (Guid officeId, HttpContext http, IOptions<RetentionPeriods> periods, CancellationToken cancellationToken) =>
                ListAsync<TOffice>(http.RequestServices.GetRequiredService<TContext>(), officeId, kinds, periods.Value, cancellationToken))
            .WithName("OfficeRetention")
            .WithSummary("How long the office keeps each kind of its residents' data (office staff)")
            .RequireStaff(StaffPolicies.OfficeStaff);
        group.MapPut("/{kind}", (Guid officeId, string kind, RetentionRequest request, HttpContext http, IOptions<RetentionPeriods> periods, TimeProvider time, CancellationToken cancellationToken) =>
                ChooseAsync<TOffice>(http.RequestServices.GetRequiredService<TContext>(), officeId, kinds, kind, request, periods.Value, time, cancellationToken))
            .WithName("ChooseOfficeRetention")
            .WithSummary("Keep this kind of data so many days, within its limits; the next retention run follows (office lead)")
            .ProducesValidationProblem()
            .RequireStaff(StaffPolicies.OfficeLead);
        group.MapDelete("/{kind}", (Guid officeId, string kind, HttpContext http, IOptions<RetentionPeriods> periods, TimeProvider time, CancellationToken cancellationToken) =>
                ChooseAsync<TOffice>(http.RequestServices.GetRequiredService<TContext>(), officeId, kinds, kind, null, periods.Value, time, cancellationToken))
            .WithName("ResetOfficeRetention")
            .WithSummary("Return to the deployment's retention for this kind of data (office lead)")
            .RequireStaff(StaffPolicies.OfficeLead);
        return group;
    }

    private static async Task<Results<Ok<List<RetentionSetting>>, NotFound>> ListAsync<TOffice>(
        DbContext db, Guid officeId, RetentionKind[] kinds, RetentionPeriods periods, CancellationToken cancellationToken)
        where TOffice : OfficeCopy
    {
        if (!await KnowsAsync<TOffice>(db, officeId, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var own = await db.Set<OfficeRetention>().AsNoTracking().Where(r => r.OfficeId == officeId).ToDictionaryAsync(r => r.Kind, r => r.Days, cancellationToken);
        return TypedResults.Ok(kinds.Select(kind => Describe(kind, own.TryGetValue(kind.Name, out var days) ? days : null, periods)).ToList());
    }

    private static async Task<Results<Ok<RetentionSetting>, NotFound, ValidationProblem>> ChooseAsync<TOffice>(
        DbContext db, Guid officeId, RetentionKind[] kinds, string kindName, RetentionRequest? request, RetentionPeriods periods, TimeProvider time, CancellationToken cancellationToken)
        where TOffice : OfficeCopy
    {
        var kind = kinds.FirstOrDefault(k => string.Equals(k.Name, kindName, StringComparison.OrdinalIgnoreCase));
        if (kind is null || !await KnowsAsync<TOffice>(db, officeId, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        if (request?.Days is { } days && !kind.Allows(days))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["days"] = [$"The {kind.Name} are kept {kind.LimitsText}."] });
        }

        var own = await db.Set<OfficeRetention>().FindAsync([officeId, kind.Name], cancellationToken);
        switch (request?.Days)
        {
            case null when own is not null:
                db.Remove(own);
                break;
            case { } chosen when own is null:
                db.Add(new OfficeRetention { OfficeId = officeId, Kind = kind.Name, Days = chosen, SetAt = time.GetUtcNow() });
                break;
            case { } chosen:
                (own!.Days, own.SetAt) = (chosen, time.GetUtcNow());
                break;
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(Describe(kind, request?.Days, periods));
    }

    private static Task<bool> KnowsAsync<TOffice>(DbContext db, Guid officeId, CancellationToken cancellationToken)
        where TOffice : OfficeCopy =>
        db.Set<TOffice>().AnyAsync(office => office.OfficeId == officeId && office.DescribedAt != null, cancellationToken);

    private static RetentionSetting Describe(RetentionKind kind, int? own, RetentionPeriods periods) =>
        new(kind.Name, own ?? periods.DaysFor(kind), own is not null, kind.MinimumDays, kind.MaximumDays, kind.Kept);
}
