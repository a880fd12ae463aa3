using System.Globalization;

namespace Quartier.Web;

/// <summary>A language code (ISO 639) as the reader's language names it.</summary>
public static class LanguageNames
{
    public static string Of(string code)
    {
        try
        {
            var name = CultureInfo.GetCultureInfo(code).DisplayName;
            return string.IsNullOrEmpty(name) ? code : name;
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }

    /// <summary>The language's name for itself, when the reader's language names it otherwise ("Türkçe" beside "Türkisch").</summary>
    public static string? OwnName(string code)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(code);
            return string.IsNullOrEmpty(culture.NativeName) || string.Equals(culture.NativeName, culture.DisplayName, StringComparison.OrdinalIgnoreCase) ? null : culture.NativeName;
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }
}
