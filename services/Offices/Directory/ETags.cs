using Quartier.ServiceDefaults.Http;

namespace Quartier.Offices.Directory;

/// <summary>The office's row version as an HTTP entity tag, and the <c>If-Match</c> precondition against it.</summary>
internal static class ETags
{
    public const string IfMatchHeader = EntityTags.IfMatchHeader;

    public static string For(Office office) => EntityTags.For(office.Version);

    public static bool Matches(string ifMatch, Office office) => EntityTags.Matches(ifMatch, For(office));
}
