namespace Quartier.Identity.Tokens;

/// <summary>The <c>Identity</c> configuration section.</summary>
public sealed class IdentityServerOptions
{
    public const string Section = "Identity";

    /// <summary>
    /// The public address tokens name as issuer and links point to (the gateway's), e.g.
    /// <c>https://quartier.example/</c>. Without it, the address of each request.
    /// </summary>
    public Uri? Issuer { get; set; }

    /// <summary>RSA private keys (PEM) from a secret. The first signs; the others stay published until tokens signed with them expire.</summary>
    public List<string> SigningKeys { get; set; } = [];

    /// <summary>A 256-bit key (base64) that encrypts authorization codes and refresh tokens.</summary>
    public string? EncryptionKey { get; set; }

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromHours(10);

    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Where links to the sign-in pages point: the issuer, else the request's own address, else the gateway on a developer's machine.</summary>
    public Uri PublicBase(HttpRequest? request) =>
        Issuer ?? (request is null ? new Uri("http://localhost:8080/") : new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/"));

    /// <summary>The clients that may ask for tokens, by client id.</summary>
    public Dictionary<string, ClientOptions> Clients { get; set; } = [];
}

/// <summary>
/// A browser client (redirect URIs; authorization code with PKCE, refresh tokens) or a machine client
/// (a secret; client credentials).
/// </summary>
public sealed class ClientOptions
{
    public string? DisplayName { get; set; }

    public List<Uri> RedirectUris { get; set; } = [];

    public List<Uri> PostLogoutRedirectUris { get; set; } = [];

    public string? Secret { get; set; }
}
