using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Primitives;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Quartier.Identity.Accounts;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Quartier.Identity.Tokens;

/// <summary>
/// The OpenID Connect endpoints OpenIddict passes through to us: who the person is (the sign-in
/// cookie) and what their token says. OpenIddict itself validates the protocol (clients, PKCE,
/// redirect URIs, codes) and answers discovery and JWKS.
/// </summary>
public static class TokenEndpoints
{
    public static IEndpointRouteBuilder MapTokenEndpoints(this IEndpointRouteBuilder app)
    {
        // Public by nature: these endpoints are how a caller gets a token; each checks who asks itself.
        var connect = app.MapGroup("/connect").WithTags("OpenID Connect").AllowAnonymous().ExcludeFromDescription();
        connect.MapMethods("/authorize", [HttpMethods.Get, HttpMethods.Post], Authorize).WithName("Authorize");
        connect.MapPost("/token", Exchange).WithName("Token").DisableAntiforgery();
        connect.MapMethods("/endsession", [HttpMethods.Get, HttpMethods.Post], EndSession).WithName("EndSession");
        return app;
    }

    private static async Task<IResult> Authorize(HttpContext http, UserManager<StaffAccount> accounts, StaffPrincipals principals)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("OpenIddict passed no request through.");
        var signedIn = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var account = signedIn.Succeeded ? await accounts.GetUserAsync(signedIn.Principal) : null;
        if (account is not { IsActive: true } || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.LoginRequired, "The person is not signed in.");
            }

            return Results.Challenge(new AuthenticationProperties { RedirectUri = ThisRequest(http, without: Parameters.Prompt) }, [IdentityConstants.ApplicationScheme]);
        }

        if (account.IsAdministrator && !account.TwoFactorEnabled)
        {
            // Administrators may not work without a second factor: they set it up before going on.
            return Results.Redirect($"/account/authenticator?returnUrl={Uri.EscapeDataString(ThisRequest(http))}");
        }

        var principal = await principals.ForAccountAsync(account, request.GetScopes(), http.RequestAborted);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> Exchange(HttpContext http, UserManager<StaffAccount> accounts, StaffPrincipals principals, OpenIddict.Abstractions.IOpenIddictApplicationManager applications)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("OpenIddict passed no request through.");
        if (request.IsClientCredentialsGrantType())
        {
            var client = await applications.FindByClientIdAsync(request.ClientId!, http.RequestAborted);
            var name = client is null ? null : await applications.GetDisplayNameAsync(client, http.RequestAborted);
            return Results.SignIn(StaffPrincipals.ForClient(request.ClientId!, name, request.GetScopes()),
                authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        // Code and refresh token: OpenIddict has checked them; the account must still be active, and
        // its memberships are read again, so a change reaches the next token.
        var granted = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var account = granted.Principal?.GetClaim(Claims.Subject) is { } subject ? await accounts.FindByIdAsync(subject) : null;
        if (account is not { IsActive: true })
        {
            return Refuse(Errors.InvalidGrant, "The account is disabled or no longer exists.");
        }

        var principal = await principals.ForAccountAsync(account, granted.Principal!.GetScopes(), http.RequestAborted);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> EndSession(HttpContext http, SignInManager<StaffAccount> signIn)
    {
        await signIn.SignOutAsync();
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/account/signed-out" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    /// <summary>The authorization request itself (its form too), to come back to after signing in.</summary>
    private static string ThisRequest(HttpContext http, string? without = null)
    {
        var parameters = http.Request.HasFormContentType
            ? http.Request.Form.Select(field => KeyValuePair.Create(field.Key, field.Value))
            : http.Request.Query.Select(field => KeyValuePair.Create(field.Key, field.Value));
        return http.Request.PathBase + http.Request.Path + QueryString.Create(parameters.Where(field => field.Key != without)
            .SelectMany(field => field.Value.Select(value => KeyValuePair.Create(field.Key, (string?)value))));
    }
}
