using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using Quartier.Identity.AccessRecords;
using Quartier.Identity.Accounts;
using Quartier.Identity.Data;
using Quartier.Identity.Invitations;
using Quartier.Identity.Tokens;
using Quartier.ServiceDefaults.Hosting;
using Quartier.ServiceDefaults.Http;
using Quartier.ServiceDefaults.Messaging;
using Quartier.ServiceDefaults.Persistence;
using Quartier.ServiceDefaults.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Quartier.Identity;

public static class Extensions
{
    public static WebApplicationBuilder AddIdentityFeatures(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidation();
        builder.AddServiceDatabase<IdentityDbContext, WebApplicationBuilder>("identitydb");
        builder.AddMessaging(bus => bus.AddConsumer<PersonalDataReadConsumer>());

        var section = builder.Configuration.GetSection(IdentityServerOptions.Section);
        builder.Services.Configure<IdentityServerOptions>(section);
        var settings = section.Get<IdentityServerOptions>() ?? new IdentityServerOptions();

        builder.Services.AddDataProtection().SetApplicationName("quartier-identity").PersistKeysToDbContext<IdentityDbContext>();
        builder.AddStaffAccounts(settings);
        builder.AddOpenIdConnectServer(settings);
        builder.Services.AddStaffAuthorization();

        builder.Services.AddScoped<StaffPrincipals>();
        builder.Services.AddScoped<StaffInvitations>();
        builder.Services.AddHostedService<ClientRegistrations>();
        builder.Services.AddScheduledJob<AccessRecordRetention>(_ => AccessRecordRetention.Interval);

        builder.Services.AddChosenLanguages(["de", "en"]);
        builder.Services.AddRazorPages();
        return builder;
    }

    public static WebApplication MapIdentityEndpoints(this WebApplication app)
    {
        app.MapTokenEndpoints();
        app.MapAccounts();
        app.MapAccessRecords();
        // The sign-in pages are for anyone who has not signed in yet; each page checks what it needs.
        app.MapRazorPages().AllowAnonymous();
        return app;
    }

    /// <summary>The pages in the language the person chose (query, then cookie, then browser).</summary>
    public static WebApplication UseIdentityPages(this WebApplication app)
    {
        app.UseChosenLanguage();
        return app;
    }

    private static void AddStaffAccounts(this WebApplicationBuilder builder, IdentityServerOptions settings)
    {
        builder.Services.AddIdentity<StaffAccount, IdentityRole<Guid>>(options =>
            {
                // Length, not composition (NIST SP 800-63B); the common-password check does the rest.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.ClaimsIdentity.UserIdClaimType = Claims.Subject;
                options.ClaimsIdentity.UserNameClaimType = Claims.Name;
                options.ClaimsIdentity.RoleClaimType = Claims.Role;
                options.Tokens.ProviderMap[InvitationTokenOptions.ProviderName] = new TokenProviderDescriptor(typeof(InvitationTokenProvider));
            })
            .AddEntityFrameworkStores<IdentityDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswords>()
            .AddErrorDescriber<TranslatedIdentityErrors>();
        builder.Services.AddTransient<InvitationTokenProvider>();
        builder.Services.Configure<InvitationTokenOptions>(options => options.TokenLifespan = settings.InvitationLifetime);
        // A disabled account or a new password ends the sign-in cookie's session within a minute.
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/connect/endsession";
            options.AccessDeniedPath = "/account/sign-in";
            options.Cookie.Name = "quartier.identity";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = TimeSpan.FromHours(10);
            options.SlidingExpiration = true;
        });
    }

    private static void AddOpenIdConnectServer(this WebApplicationBuilder builder, IdentityServerOptions settings)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/endsession")
                    .SetRevocationEndpointUris("connect/revoke");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowClientCredentialsFlow()
                    .AllowRefreshTokenFlow();
                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.OfflineAccess, StaffPrincipals.ApiScope);
                server.SetAccessTokenLifetime(settings.AccessTokenLifetime).SetRefreshTokenLifetime(settings.RefreshTokenLifetime);
                // Services validate access tokens themselves (JwtBearer): signed, not encrypted.
                server.DisableAccessTokenEncryption();
                if (settings.Issuer is { } issuer)
                {
                    server.SetIssuer(issuer);
                }

                AddKeys(server, settings, development);
                // TLS ends at the ingress; inside, the gateway speaks plain HTTP to this service.
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
                validation.AddAudiences("identity");
            });
    }

    /// <summary>Keys from configuration (a Kubernetes Secret); generated ones only in Development.</summary>
    private static void AddKeys(OpenIddictServerBuilder server, IdentityServerOptions settings, bool development)
    {
        if (settings.SigningKeys.Count == 0 || string.IsNullOrEmpty(settings.EncryptionKey))
        {
            if (!development)
            {
                throw new InvalidOperationException("Identity:SigningKeys (RSA private keys, PEM) and Identity:EncryptionKey (256 bits, base64) are not configured.");
            }

            server.AddDevelopmentEncryptionCertificate().AddDevelopmentSigningCertificate();
            return;
        }

        foreach (var pem in settings.SigningKeys)
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            var key = new RsaSecurityKey(rsa);
            // The same key keeps the same id across instances and restarts, so cached JWKS stay valid.
            key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
            server.AddSigningKey(key);
        }

        server.AddEncryptionKey(new SymmetricSecurityKey(Convert.FromBase64String(settings.EncryptionKey)));
    }
}
