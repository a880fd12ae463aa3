using System.Security.Claims;

namespace Quartier.ServiceDefaults.Security;

/// <summary>
/// The claims an access token carries about a member of staff, whichever provider issued it: the
/// platform's identity service emits them as they are; an external provider maps its own onto them.
/// </summary>
public static class StaffClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string Administrator = "administrator";

    /// <summary>An office the person leads (its opening hours, services, events, staff); one claim per office.</summary>
    public const string OfficeLead = "office_lead";

    /// <summary>An office the person works in (appointments, callbacks, volunteers, events).</summary>
    public const string OfficeStaff = "office_staff";

    /// <summary>An office whose reports the person reads for the funding programme.</summary>
    public const string OfficeCoordinator = "office_coordinator";

    public static bool IsAdministrator(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.HasClaim(Role, Administrator);
    }

    /// <summary>Works the office: its residents' appointments, callbacks, volunteers and registrations. Leads work their office too.</summary>
    public static bool WorksIn(this ClaimsPrincipal user, Guid officeId) => user.HasOffice(officeId, OfficeStaff, OfficeLead);

    /// <summary>Changes how the office runs; administrators may too. Reading residents' data is <see cref="WorksIn"/>'s alone.</summary>
    public static bool Leads(this ClaimsPrincipal user, Guid officeId) => user.IsAdministrator() || user.HasOffice(officeId, OfficeLead);

    /// <summary>Reads the office's reports: its coordinators, its lead and administrators.</summary>
    public static bool ReportsOn(this ClaimsPrincipal user, Guid officeId) => user.IsAdministrator() || user.HasOffice(officeId, OfficeCoordinator, OfficeLead);

    /// <summary>The offices in which the person holds any of the given memberships.</summary>
    public static IReadOnlySet<Guid> Offices(this ClaimsPrincipal user, params string[] memberships)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Claims
            .Where(claim => memberships.Contains(claim.Type))
            .Select(claim => Guid.TryParse(claim.Value, out var office) ? office : Guid.Empty)
            .Where(office => office != Guid.Empty)
            .ToHashSet();
    }

    private static bool HasOffice(this ClaimsPrincipal user, Guid officeId, params string[] memberships)
    {
        ArgumentNullException.ThrowIfNull(user);
        var office = officeId.ToString();
        return user.Claims.Any(claim => memberships.Contains(claim.Type) && string.Equals(claim.Value, office, StringComparison.OrdinalIgnoreCase));
    }
}
