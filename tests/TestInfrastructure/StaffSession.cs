using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Quartier.Testing;

/// <summary>
/// A person signing in through the gateway as the staff console will: authorization code with PKCE,
/// the sign-in page, the authenticator code where the account has (or must set up) a second factor.
/// </summary>
public sealed partial class StaffSession : IDisposable
{
    public const string ClientId = "staff-console";

    private readonly HttpClient browser;
    private readonly bool ownsBrowser;
    private readonly Uri gateway;
    private string? refreshToken;

    private StaffSession(Uri gateway, HttpClient? browser)
    {
        this.gateway = gateway;
        ownsBrowser = browser is null;
        this.browser = browser ?? Browser(gateway);
    }

    /// <summary>A browser of its own: cookies kept, redirects shown rather than followed.</summary>
    public static HttpClient Browser(Uri gateway) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };

    public string AccessToken { get; private set; } = string.Empty;

    /// <summary>The account id the tokens name as subject.</summary>
    public string Subject => ClaimOf(AccessToken, "sub");

    /// <summary>The authenticator key, once the person has set up a second factor.</summary>
    public string? AuthenticatorKey { get; private set; }

    private Uri RedirectUri => new(gateway, "/staff/signin-oidc");

    /// <summary>Takes up an invitation link: sets the password.</summary>
    public static async Task AcceptInvitationAsync(Uri gateway, string invitationLink, string password, HttpClient? browser = null)
    {
        using var session = new StaffSession(gateway, browser);
        var link = new Uri(invitationLink);
        var form = await session.FormAsync(link.PathAndQuery);
        using var accepted = await session.PostFormAsync(link.PathAndQuery, form, new() { ["Password"] = password, ["Repeat"] = password });
        var page = await accepted.Content.ReadAsStringAsync();
        if (!page.Contains("role=\"status\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The invitation was not accepted: {accepted.StatusCode} {page}");
        }
    }

    /// <summary>Signs in with the code flow; sets up a second factor when the account must have one.</summary>
    public static async Task<StaffSession> SignInAsync(Uri gateway, string email, string password, string? authenticatorKey = null, HttpClient? browser = null)
    {
        var session = new StaffSession(gateway, browser) { AuthenticatorKey = authenticatorKey };
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = $"/connect/authorize?client_id={ClientId}&response_type=code&scope=openid%20profile%20offline_access%20api" +
            $"&redirect_uri={Uri.EscapeDataString(session.RedirectUri.ToString())}&code_challenge={challenge}&code_challenge_method=S256&state=e2e";
        var location = await session.FollowAsync(authorize, email, password);
        var code = System.Web.HttpUtility.ParseQueryString(location.Query)["code"] ?? throw new InvalidOperationException($"No code in {location}");
        await session.ExchangeAsync(new() { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = session.RedirectUri.ToString(), ["code_verifier"] = verifier });
        return session;
    }

    /// <summary>Sets up sign-in with a second factor from the signed-in session, as anyone may; later sign-ins ask for the code.</summary>
    public async Task EnableSecondFactorAsync()
    {
        const string path = "/account/authenticator";
        var form = await FormAsync(path);
        AuthenticatorKey = KeyOn(form);
        using var confirmed = await PostFormAsync(path, form, new() { ["Code"] = TotpCode(AuthenticatorKey) });
        if (confirmed.StatusCode != HttpStatusCode.Redirect && confirmed.StatusCode != HttpStatusCode.Found)
        {
            throw new InvalidOperationException($"The code was refused: {await confirmed.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>A new access token from the refresh token: memberships changed since are in it.</summary>
    public Task RefreshAsync() => ExchangeAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken! });

    /// <summary>The token endpoint's answer to the refresh token, whatever it is.</summary>
    public async Task<HttpResponseMessage> TryRefreshAsync() => await browser.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken!, ["client_id"] = ClientId,
    }));

    public HttpRequestMessage Authorized(HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, new Uri(gateway, path)) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", AccessToken) } };
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    public void Dispose()
    {
        if (ownsBrowser)
        {
            browser.Dispose();
        }
    }

    /// <summary>The sign-in page's answer to a password, without going on.</summary>
    public static async Task<HttpResponseMessage> PostPasswordAsync(HttpClient browser, string email, string password)
    {
        using var session = new StaffSession(browser.BaseAddress!, browser);
        var page = await session.FormAsync("/account/sign-in");
        return await session.PostFormAsync("/account/sign-in", page, new() { ["Email"] = email, ["Password"] = password });
    }

    public static string ClaimOf(string token, string claim)
    {
        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        using var json = JsonDocument.Parse(Convert.FromBase64String(payload));
        return json.RootElement.GetProperty(claim).ToString();
    }

    /// <summary>The current six-digit code of an authenticator app (RFC 6238: HMAC-SHA1, 30-second steps).</summary>
    public static string TotpCode(string base32Key)
    {
        var key = Base32(base32Key);
        var counter = BitConverter.GetBytes(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

#pragma warning disable CA5350 // Authenticator apps compute TOTP with HMAC-SHA1 (RFC 6238's default); the test must match them.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var value = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<Uri> FollowAsync(string start, string email, string password)
    {
        var next = start;
        for (var step = 0; step < 12; step++)
        {
            using var response = await browser.GetAsync(new Uri(next, UriKind.Relative));
            if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther))
            {
                throw new InvalidOperationException($"{next} answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            var location = new Uri(gateway, response.Headers.Location!);
            if (location.AbsolutePath == RedirectUri.AbsolutePath)
            {
                return location;
            }

            next = location.PathAndQuery;
            if (location.AbsolutePath == "/account/sign-in")
            {
                var form = await FormAsync(next);
                using var signedIn = await PostFormAsync(next, form, new() { ["Email"] = email, ["Password"] = password, ["ReturnUrl"] = ReturnUrlOf(location) });
                location = new Uri(gateway, signedIn.Headers.Location ?? throw new InvalidOperationException($"Sign-in refused: {await signedIn.Content.ReadAsStringAsync()}"));
                next = location.PathAndQuery;
            }

            if (location.AbsolutePath == "/account/two-factor" || location.AbsolutePath == "/account/authenticator")
            {
                var form = await FormAsync(next);
                if (location.AbsolutePath == "/account/authenticator")
                {
                    AuthenticatorKey = KeyOn(form);
                }

                var key = AuthenticatorKey ?? throw new InvalidOperationException("The account asks for a second factor, and no authenticator key was given.");
                using var confirmed = await PostFormAsync(next, form, new() { ["Code"] = TotpCode(key), ["ReturnUrl"] = ReturnUrlOf(location) });
                next = new Uri(gateway, confirmed.Headers.Location ?? throw new InvalidOperationException($"Code refused: {await confirmed.Content.ReadAsStringAsync()}")).PathAndQuery;
            }
        }

        throw new InvalidOperationException("The sign-in did not come back to the client.");
    }

    private static string ReturnUrlOf(Uri location)
    {
        var query = System.Web.HttpUtility.ParseQueryString(location.Query);
        return query["ReturnUrl"] ?? query["returnUrl"] ?? string.Empty;
    }

    private async Task ExchangeAsync(Dictionary<string, string> parameters)
    {
        parameters["client_id"] = ClientId;
        using var response = await browser.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(parameters));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The token endpoint answered {response.StatusCode}: {body}");
        }

        using var json = JsonDocument.Parse(body);
        AccessToken = json.RootElement.GetProperty("access_token").GetString()!;
        refreshToken = json.RootElement.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : refreshToken;
    }

    private async Task<string> FormAsync(string path)
    {
        using var response = await browser.GetAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<HttpResponseMessage> PostFormAsync(string path, string page, Dictionary<string, string> fields)
    {
        foreach (Match hidden in HiddenInput().Matches(page))
        {
            var name = Attribute("name").Match(hidden.Value).Groups[1].Value;
            fields.TryAdd(WebUtility.HtmlDecode(name), WebUtility.HtmlDecode(Attribute("value").Match(hidden.Value).Groups[1].Value));
        }

        return await browser.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(text.Replace(" ", string.Empty, StringComparison.Ordinal).TrimEnd('=').Select(c => Convert.ToString(alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal), 2).PadLeft(5, '0')));
        return [.. Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2))];
    }

    /// <summary>The authenticator key as the set-up page shows it (groups of four, lower case), as an app takes it.</summary>
    private static string KeyOn(string page) => KeyOnPage().Match(page).Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();

    private static Regex Attribute(string name) => new($"\\b{name}=\"([^\"]*)\"");

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("<code>([a-z0-9 ]+)</code>")]
    private static partial Regex KeyOnPage();
}
