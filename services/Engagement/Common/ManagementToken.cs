using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Quartier.Engagement.Common;

/// <summary>
/// The secret of a management link. Only its SHA-256 hash is stored, so a copy of the database
/// does not let anyone cancel someone else's registration.
/// </summary>
public static class ManagementToken
{
    public static string Create() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
