using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Quartier.Testing;

/// <summary>
/// Access tokens for service tests, signed with a key of this test run that the services under test
/// trust through their configuration (<c>Authentication:Schemes:Bearer</c>), as they would trust the
/// identity service's keys. The claims are the ones the identity service issues.
/// </summary>
public static class StaffTokens
{
    public const string Issuer = "quartier-tests";

    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    /// <summary>The settings that make a service accept this run's tokens, as a service test starts it.</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Authentication:Schemes:Bearer:ValidIssuer"] = Issuer,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"] = Issuer,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = Convert.ToBase64String(Key),
    };

    /// <summary>Adds <see cref="Settings"/> as environment variables, for a service started as a process of its own.</summary>
    public static Dictionary<string, string> TrustingStaffTokens(this Dictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        foreach (var (key, value) in Settings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return environment;
    }

    /// <summary>An administrator who also leads, works in and coordinates the offices, for a few hours: for benchmarks that set up what they measure.</summary>
    public static System.Net.Http.Headers.AuthenticationHeaderValue Everything(string audience, params Guid[] offices) => new("Bearer", Mint(audience,
        [
            new Claim("role", "administrator"),
            .. offices.SelectMany(office => new[] { new Claim("office_lead", office.ToString()), new Claim("office_staff", office.ToString()), new Claim("office_coordinator", office.ToString()) }),
        ],
        expires: DateTime.UtcNow.AddHours(3)));

    public static string Administrator(string audience) => Mint(audience, [new Claim("role", "administrator")]);

    public static string Staff(string audience, params Guid[] offices) => Mint(audience, [.. offices.Select(office => new Claim("office_staff", office.ToString()))]);

    public static string Lead(string audience, params Guid[] offices) => Mint(audience, [.. offices.Select(office => new Claim("office_lead", office.ToString()))]);

    public static string Coordinator(string audience, params Guid[] offices) => Mint(audience, [.. offices.Select(office => new Claim("office_coordinator", office.ToString()))]);

    /// <summary>A token as the identity service would issue it; <paramref name="key"/> other than this run's is a forgery.</summary>
    public static string Mint(string audience, IEnumerable<Claim> claims, DateTime? expires = null, byte[]? key = null, string issuer = Issuer, string? subject = null) =>
        Mint(audience, claims, new SigningCredentials(new SymmetricSecurityKey(key ?? Key), SecurityAlgorithms.HmacSha256), expires, issuer, subject);

    /// <summary>A token signed as the caller says, e.g. with RSA as the identity service signs.</summary>
    public static string Mint(string audience, IEnumerable<Claim> claims, SigningCredentials credentials, DateTime? expires = null, string issuer = Issuer, string? subject = null)
    {
        var now = DateTime.UtcNow;
        var expiry = expires ?? now.AddMinutes(10);
        // An expired token was issued before it expired; any other now.
        var issued = expiry < now ? expiry.AddMinutes(-10) : now;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = issued,
            NotBefore = issued,
            Expires = expiry,
            Subject = new ClaimsIdentity([new Claim("sub", subject ?? Guid.NewGuid().ToString()), new Claim("name", "Test Staff"), .. claims]),
            SigningCredentials = credentials,
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}

/// <summary>
/// The default caller of a service test: a member of staff who leads, works in and coordinates every
/// office the service knows at the moment of each request, so the tests of a feature read as before;
/// what each role may not do is tested apart, with tokens of their own.
/// </summary>
public sealed class EveryOfficeStaff(string audience, Func<Task<IReadOnlyCollection<Guid>>> knownOffices) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers.Authorization is null)
        {
            var offices = await knownOffices().ConfigureAwait(false);
            request.Headers.Authorization = new("Bearer", StaffTokens.Mint(audience, [
                new Claim("role", "administrator"),
                .. offices.SelectMany(office => new[] { new Claim("office_lead", office.ToString()), new Claim("office_coordinator", office.ToString()) }),
            ]));
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
