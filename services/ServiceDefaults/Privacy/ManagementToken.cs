using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Quartier.ServiceDefaults.Privacy;

/// <summary>
/// The secret in a resident's management link: 256 random bits, URL-safe. Only its SHA-256 hash
/// (lower-case hex) is stored, so a copy of a database does not let anyone open, change or erase
/// someone else's booking.
/// </summary>
public static class ManagementToken
{
    public static string Create() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
