using System.Globalization;

namespace Quartier.Offices.Directory;

/// <summary>The office's row version as an HTTP entity tag, and the <c>If-Match</c> precondition against it.</summary>
internal static class ETags
{
    public const string IfMatchHeader = "If-Match";

    public static string For(Office office) => $"\"{office.Version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// Whether <paramref name="ifMatch"/> names the office's current version. If-Match compares strongly
    /// (RFC 9110, 13.1.1): a weak tag never matches; <c>*</c> matches any version.
    /// </summary>
    public static bool Matches(string ifMatch, Office office) =>
        ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(tag => tag == "*" || tag == For(office));
}
