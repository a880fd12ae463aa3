using OpenIddict.Validation.AspNetCore;
using Quartier.ServiceDefaults.Security;

namespace Quartier.Identity.Accounts;

public static class StaffTokenRequirement
{
    /// <summary>
    /// The identity service's own APIs take the platform's access tokens, validated in-process by
    /// OpenIddict (the pages' sign-in cookie never counts here), under the shared staff policies.
    /// </summary>
    public static TBuilder RequireStaffToken<TBuilder>(this TBuilder builder, string policy) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireStaff(policy, OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
}
