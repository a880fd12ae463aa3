using System.Security.Cryptography;
using System.Text;

namespace Quartier.Bookings.Privacy;

/// <summary>
/// The secret in a resident's management link: 256 random bits, URL-safe. Only its SHA-256 hash is
/// stored, so a copy of the database does not let anyone cancel someone else's appointment.
/// </summary>
public static class ManagementToken
{
    public static string Create() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
