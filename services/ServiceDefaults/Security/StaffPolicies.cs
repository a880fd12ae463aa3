using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Quartier.ServiceDefaults.Security;

/// <summary>
/// The permissions every service declares its endpoints with. An endpoint that names an office (route
/// or query <c>officeId</c>) is checked against it here; one that reaches an office through a record
/// (an appointment, a volunteer) passes on any membership of the kind and checks the record's office itself.
/// </summary>
public static class StaffPolicies
{
    /// <summary>Manages offices and every account.</summary>
    public const string Administrator = "administrator";

    /// <summary>Leads the office the request is about (opening hours, services, events, staff); administrators too.</summary>
    public const string OfficeLead = "office-lead";

    /// <summary>Works in the office the request is about; sees its residents' personal data.</summary>
    public const string OfficeStaff = "office-staff";

    /// <summary>Reads the reports of the office the request is about.</summary>
    public const string Coordinator = "coordinator";

    /// <summary>The route or query value naming the office a request is about.</summary>
    public const string OfficeParameter = "officeId";

    public static AuthorizationBuilder AddStaffPolicies(this AuthorizationBuilder authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        return authorization
            .AddPolicy(Administrator, policy => policy.RequireAuthenticatedUser().RequireClaim(StaffClaims.Role, StaffClaims.Administrator))
            .AddPolicy(OfficeLead, policy => policy.RequireAuthenticatedUser().AddRequirements(
                new OfficeRequirement(OfficeLead, (user, office) => user.Leads(office), StaffClaims.OfficeLead)))
            .AddPolicy(OfficeStaff, policy => policy.RequireAuthenticatedUser().AddRequirements(
                new OfficeRequirement(OfficeStaff, (user, office) => user.WorksIn(office), StaffClaims.OfficeStaff, StaffClaims.OfficeLead)))
            .AddPolicy(Coordinator, policy => policy.RequireAuthenticatedUser().AddRequirements(
                new OfficeRequirement(Coordinator, (user, office) => user.ReportsOn(office), StaffClaims.OfficeCoordinator, StaffClaims.OfficeLead)));
    }

    /// <summary>The office the request names, when it names one validly.</summary>
    public static Guid? OfficeOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var named = context.GetRouteValue(OfficeParameter)?.ToString() ?? context.Request.Query[OfficeParameter].FirstOrDefault();
        return Guid.TryParse(named, out var office) ? office : null;
    }
}

/// <param name="Name">The policy's name, for logs.</param>
/// <param name="Allows">Whether the person may act for a given office.</param>
/// <param name="Memberships">The memberships that let a request reach an office through a record; administrators pass where <paramref name="Allows"/> lets them.</param>
public sealed record OfficeRequirement(string Name, Func<ClaimsPrincipal, Guid, bool> Allows, params string[] Memberships) : IAuthorizationRequirement;

public sealed class OfficeRequirementHandler : AuthorizationHandler<OfficeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OfficeRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        var user = context.User;
        var allowed = context.Resource is HttpContext http && StaffPolicies.OfficeOf(http) is { } office
            ? requirement.Allows(user, office)
            : user.Offices(requirement.Memberships).Count > 0 || requirement.Allows(user, Guid.Empty);
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
