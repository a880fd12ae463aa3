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
}
