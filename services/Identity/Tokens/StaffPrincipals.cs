using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using Quartier.Identity.Accounts;
using Quartier.Identity.Data;
using Quartier.ServiceDefaults.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Quartier.Identity.Tokens;

/// <summary>What an access token says about a person or a machine client, read afresh at every issue and refresh.</summary>
public sealed class StaffPrincipals(IdentityDbContext db)
{
    /// <summary>The services that accept the platform's access tokens; each validates its own name as audience.</summary>
    public static readonly IReadOnlyList<string> Audiences = ["offices", "bookings", "engagement", "reporting", "identity"];

    public const string ApiScope = "api";

    public async Task<ClaimsPrincipal> ForAccountAsync(StaffAccount account, IEnumerable<string> scopes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.AccountId == account.Id).ToListAsync(cancellationToken);
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, account.Id.ToString());
        identity.SetClaim(Claims.Name, account.DisplayName);
        identity.SetClaim(Claims.Email, account.Email);
        if (account.IsAdministrator)
        {
            identity.AddClaim(new Claim(StaffClaims.Role, StaffClaims.Administrator));
        }

        foreach (var membership in memberships)
        {
            identity.AddClaim(new Claim(ClaimTypeOf(membership.Role), membership.OfficeId.ToString()));
        }

        return Finish(identity, scopes);
    }

    public static ClaimsPrincipal ForClient(string clientId, string? displayName, IEnumerable<string> scopes)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, clientId);
        identity.SetClaim(Claims.Name, displayName ?? clientId);
        return Finish(identity, scopes);
    }

    public static string ClaimTypeOf(OfficeRole role) => role switch
    {
        OfficeRole.Lead => StaffClaims.OfficeLead,
        OfficeRole.Coordinator => StaffClaims.OfficeCoordinator,
        _ => StaffClaims.OfficeStaff,
    };

    private static ClaimsIdentity NewIdentity() =>
        new(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);

    private static ClaimsPrincipal Finish(ClaimsIdentity identity, IEnumerable<string> scopes)
    {
        identity.SetScopes(scopes);
        identity.SetResources(Audiences);
        // Everything goes into the access token; the ID token (the console's) carries who signed in.
        identity.SetDestinations(claim => claim.Type is Claims.Name or Claims.Email or Claims.Subject
            ? [Destinations.AccessToken, Destinations.IdentityToken]
            : [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }
}
