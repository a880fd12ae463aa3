using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Quartier.ServiceDefaults.Security;

public static class StaffAuthentication
{
    /// <summary>Where the platform's identity service is, as Aspire and Kubernetes name it.</summary>
    public const string IdentityServiceAddress = "services:identity:http:0";

    /// <summary>
    /// Bearer tokens from the platform's identity service, or from the provider
    /// <c>Authentication:Schemes:Bearer:Authority</c> names (Keycloak, Entra ID); the token must name
    /// <paramref name="audience"/>. Claims keep their names as issued (<see cref="StaffClaims"/>).
    /// Every endpoint still chooses: <c>AllowAnonymous()</c> or <c>RequireAuthorization(policy)</c>.
    /// </summary>
    public static TBuilder AddStaffAuthentication<TBuilder>(this TBuilder builder, string audience) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IConfiguration>((options, configuration) =>
        {
            var validation = options.TokenValidationParameters;
            if (string.IsNullOrEmpty(options.Authority) && validation.IssuerSigningKeys?.Any() != true)
            {
                options.Authority = configuration[IdentityServiceAddress];
            }

            // Inside the cluster (and locally) the identity service is reached over plain HTTP; an external provider is https.
            options.RequireHttpsMetadata = options.Authority?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ?? true;
            options.MapInboundClaims = false;
            validation.NameClaimType = StaffClaims.Name;
            validation.RoleClaimType = StaffClaims.Role;
            validation.ValidateAudience = true;
            if (validation.ValidAudiences?.Any() != true)
            {
                validation.ValidAudience = audience;
            }
        });

        builder.Services.AddStaffAuthorization();
        return builder;
    }

    /// <summary>The named staff policies, for whichever scheme authenticates the caller.</summary>
    public static IServiceCollection AddStaffAuthorization(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, OfficeRequirementHandler>();
        // An endpoint that forgot to choose is closed, not open; the endpoint tests name it.
        services.AddAuthorizationBuilder().AddStaffPolicies()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }
}
