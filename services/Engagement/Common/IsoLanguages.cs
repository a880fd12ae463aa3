using System.Collections.Frozen;
using System.Globalization;

namespace Quartier.Engagement.Common;

/// <summary>ISO 639-1 language codes (two lowercase letters) as the platform's culture data knows them.</summary>
public static class IsoLanguages
{
    private static readonly FrozenSet<string> Known = CultureInfo.GetCultures(CultureTypes.NeutralCultures)
        .Select(culture => culture.TwoLetterISOLanguageName)
        .Where(code => code.Length == 2)
        .ToFrozenSet(StringComparer.Ordinal);

    public static bool IsKnown(string? code) => code is not null && Known.Contains(code);
}
