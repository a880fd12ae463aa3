using System.Globalization;

namespace Quartier.ServiceDefaults.Http;

/// <summary>A version as an HTTP entity tag, and the <c>If-Match</c> precondition against it (RFC 9110, 13.1.1).</summary>
public static class EntityTags
{
    public const string IfMatchHeader = "If-Match";

    public static string For(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>Whether <paramref name="ifMatch"/> names <paramref name="current"/>: compared strongly, so a weak tag never matches; <c>*</c> matches any.</summary>
    public static bool Matches(string ifMatch, string current)
    {
        ArgumentNullException.ThrowIfNull(ifMatch);
        return ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Any(tag => tag == "*" || tag == current);
    }
}
