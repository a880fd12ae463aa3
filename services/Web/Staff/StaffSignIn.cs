using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Quartier.ServiceDefaults.Security;

namespace Quartier.Web.Staff;

/// <summary>The <c>StaffConsole</c> configuration section.</summary>
public sealed class StaffConsoleOptions
{
    public const string Section = "StaffConsole";

    /// <summary>The identity service's issuer: the platform's public address (the gateway's), which also serves the console.</summary>
    public Uri? Authority { get; set; }

    public string ClientId { get; set; } = "staff-console";

    /// <summary>
    /// Where the console itself reaches the identity service, when not through the public address
    /// (in a cluster: <c>http://identity</c>); the browser always uses the public one.
    /// </summary>
    public Uri? IdentityAddress { get; set; }

    /// <summary>Signed-in staff are signed out after this long without a request.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long before the idle sign-out the console warns and offers to stay signed in.</summary>
    public TimeSpan IdleWarning { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often an open day page asks whether its appointments, callbacks or counters changed.</summary>
    public TimeSpan DayRefreshInterval { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>
/// Staff sign in with the platform's OpenID Connect provider (authorization code with PKCE); the
/// console keeps their tokens in its cookie and calls the services with the access token, so what a
/// person may see and do is what the APIs allow them. Residents' pages never ask anyone to sign in.
/// </summary>
public static class StaffSignIn
{
    public const string Policy = "staff";
    public const string PathPrefix = "/staff";
    public const string CallbackPath = "/staff/signin-oidc";
    public const string SignedOutCallbackPath = "/staff/signout-callback-oidc";
    public const string KeepAlivePath = "/staff/session";

    /// <summary>What a page asks by itself (the day page's question whether anything changed): it must not keep an unattended console signed in.</summary>
    public const string UnattendedSuffix = "/day-version";

    /// <summary>Who signed in, refresh tokens for a working day, and the services' APIs.</summary>
    private static readonly string[] Scopes = ["openid", "profile", "offline_access", "api"];

    /// <summary>An access token closer to its end than this is renewed before the request uses it.</summary>
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(1);

    public static WebApplicationBuilder AddStaffSignIn(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(StaffConsoleOptions.Section);
        builder.Services.Configure<StaffConsoleOptions>(section);
        var console = section.Get<StaffConsoleOptions>() ?? new StaffConsoleOptions();
        var authority = console.Authority ?? new Uri("http://localhost:8080/");

        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(options =>
            {
                options.Cookie.Name = "quartier-staff";
                options.Cookie.Path = PathPrefix;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.ExpireTimeSpan = console.IdleTimeout;
                options.SlidingExpiration = true;
                options.AccessDeniedPath = "/staff/no-access";
                options.Events.OnValidatePrincipal = async context =>
                {
                    await RenewTokensAsync(context);
                    KeepIdleDeadline(context, console.IdleTimeout);
                };
                options.Events.OnCheckSlidingExpiration = context =>
                {
                    context.ShouldRenew &= !Unattended(context.HttpContext);
                    return Task.CompletedTask;
                };
            })
            .AddOpenIdConnect(options =>
            {
                options.Authority = authority.ToString();
                options.RequireHttpsMetadata = authority.Scheme == Uri.UriSchemeHttps;
                if (console.IdentityAddress is { } identity)
                {
                    options.BackchannelHttpHandler = new DirectToIdentity(authority, identity);
                }

                options.ClientId = console.ClientId;
                options.ResponseType = OpenIdConnectResponseType.Code;
                options.UsePkce = true;
                // The code comes back in the address (a plain redirect, no self-posting page with a script),
                // so the correlation cookies need not be sent cross-site.
                options.ResponseMode = OpenIdConnectResponseMode.Query;
                options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.NonceCookie.SameSite = SameSiteMode.Lax;
                options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.Scope.Clear();
                foreach (var scope in Scopes)
                {
                    options.Scope.Add(scope);
                }

                options.CallbackPath = CallbackPath;
                options.SignedOutCallbackPath = SignedOutCallbackPath;
                options.SignedOutRedirectUri = "/";
                options.SaveTokens = true;
                options.MapInboundClaims = false;
                options.GetClaimsFromUserInfoEndpoint = false;
                options.TokenValidationParameters.NameClaimType = StaffClaims.Name;
                options.TokenValidationParameters.RoleClaimType = StaffClaims.Role;
                options.Events.OnRedirectToIdentityProvider = context =>
                {
                    // Behind the gateway: the address the browser comes back to is the public one.
                    context.ProtocolMessage.RedirectUri = new Uri(authority, CallbackPath.TrimStart('/')).ToString();
                    context.ProtocolMessage.UiLocales = CultureInfo.CurrentUICulture.Name;
                    return Task.CompletedTask;
                };
                options.Events.OnRedirectToIdentityProviderForSignOut = context =>
                {
                    context.ProtocolMessage.PostLogoutRedirectUri = authority.ToString();
                    return Task.CompletedTask;
                };
                options.Events.OnTokenValidated = context =>
                {
                    if (context.TokenEndpointResponse?.AccessToken is { } accessToken)
                    {
                        context.Principal = PrincipalOf(accessToken);
                    }

                    return Task.CompletedTask;
                };
            });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.RequireAuthenticatedUser());
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddHttpContextAccessor();
        return builder;
    }

    /// <summary>Who signed in, and their roles and offices, exactly as the services read them from the access token.</summary>
    private static ClaimsPrincipal PrincipalOf(string accessToken)
    {
        // The token came straight from the provider's token endpoint; each service validates it on every call.
        var token = new JsonWebTokenHandler().ReadJsonWebToken(accessToken);
        var kept = token.Claims.Where(claim => claim.Type is StaffClaims.Subject or StaffClaims.Name or StaffClaims.Role
            or StaffClaims.OfficeLead or StaffClaims.OfficeStaff or StaffClaims.OfficeCoordinator or "email");
        return new ClaimsPrincipal(new ClaimsIdentity(kept, "staff", StaffClaims.Name, StaffClaims.Role));
    }

    /// <summary>
    /// Access tokens live minutes, a shift lasts hours: before a request uses an access token about
    /// to expire, the refresh token buys a new one (and the memberships it states now). The ASP.NET
    /// Core handler does not renew tokens itself. When renewal is refused, the person signs in again.
    /// </summary>
    private static async Task RenewTokensAsync(CookieValidatePrincipalContext context)
    {
        var expiresAt = context.Properties.GetTokenValue("expires_at");
        if (expiresAt is null
            || DateTimeOffset.Parse(expiresAt, CultureInfo.InvariantCulture) - RenewBefore > TimeProvider.System.GetUtcNow())
        {
            return;
        }

        var refreshToken = context.Properties.GetTokenValue("refresh_token");
        var handler = context.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);
        var configuration = await handler.ConfigurationManager!.GetConfigurationAsync(context.HttpContext.RequestAborted);
        using var response = refreshToken is null ? null : await handler.Backchannel.PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = handler.ClientId!,
            ["refresh_token"] = refreshToken,
        }), context.HttpContext.RequestAborted);
        if (response is not { IsSuccessStatusCode: true })
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        var renewed = new OpenIdConnectMessage(await response.Content.ReadAsStringAsync(context.HttpContext.RequestAborted));
        context.Properties.UpdateTokenValue("access_token", renewed.AccessToken);
        if (!string.IsNullOrEmpty(renewed.RefreshToken))
        {
            context.Properties.UpdateTokenValue("refresh_token", renewed.RefreshToken);
        }

        var lifetime = int.Parse(renewed.ExpiresIn, CultureInfo.InvariantCulture);
        context.Properties.UpdateTokenValue("expires_at", TimeProvider.System.GetUtcNow().AddSeconds(lifetime).ToString("o", CultureInfo.InvariantCulture));
        context.ReplacePrincipal(PrincipalOf(renewed.AccessToken));
        context.ShouldRenew = true;
    }

    /// <summary>
    /// Every request the person makes gives the full idle time from now, so the page's warning (timed
    /// from its loading) is never late; a cookie renewed for a page's own question (new tokens) keeps
    /// the deadline the person's last request set.
    /// </summary>
    private static void KeepIdleDeadline(CookieValidatePrincipalContext context, TimeSpan idleTimeout)
    {
        if (context.Principal is null || context.Properties.ExpiresUtc is not { } deadline)
        {
            return;
        }

        var now = TimeProvider.System.GetUtcNow();
        if (!Unattended(context.HttpContext))
        {
            (context.Properties.IssuedUtc, context.Properties.ExpiresUtc) = (now, now + idleTimeout);
            context.ShouldRenew = true;
        }
        else if (context.ShouldRenew)
        {
            (context.Properties.IssuedUtc, context.Properties.ExpiresUtc) = (now, deadline);
        }
    }

    private static bool Unattended(HttpContext context) => context.Request.Path.Value?.EndsWith(UnattendedSuffix, StringComparison.Ordinal) == true;

    /// <summary>Signs out of the console and of the provider, then back to the residents' start page.</summary>
    public static IEndpointRouteBuilder MapStaffSignOut(this IEndpointRouteBuilder app)
    {
        app.MapPost("/staff/sign-out", () => TypedResults.SignOut(new AuthenticationProperties { RedirectUri = "/" },
                [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]))
            .RequireAuthorization(Policy);
        // Any request the person makes renews the idle deadline; the warning's "stay signed in" makes this one.
        app.MapGet(KeepAlivePath, () => TypedResults.NoContent()).RequireAuthorization(Policy).ExcludeFromDescription();
        return app;
    }

    /// <summary>The access token of the person signed in, for calls to the services on their behalf.</summary>
    public static Task<string?> AccessTokenAsync(this HttpContext context) => context.GetTokenAsync("access_token");

    /// <summary>Sends the console's own calls for the public address (discovery, keys, tokens) straight to the identity service.</summary>
    private sealed class DirectToIdentity(Uri publicAddress, Uri identity) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri is { } address && publicAddress.IsBaseOf(address))
            {
                request.RequestUri = new Uri(identity, publicAddress.MakeRelativeUri(address));
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
