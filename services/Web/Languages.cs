using System.Globalization;

namespace Quartier.Web;

/// <summary>A language the pages are written in: its culture, its own name for itself, its direction.</summary>
public sealed record Language(string Culture, string Endonym, bool RightToLeft = false)
{
    public string Direction => RightToLeft ? "rtl" : "ltr";
}

public static class Languages
{
    public static Language Default { get; } = new("de", "Deutsch");

    /// <summary>The languages of the source offices' quarters, each named as its speakers name it.</summary>
    public static IReadOnlyList<Language> All { get; } =
    [
        Default,
        new("en", "English"),
        new("ar", "العربية", RightToLeft: true),
        new("fa", "فارسی", RightToLeft: true),
        new("tr", "Türkçe"),
        new("ru", "Русский"),
        new("uk", "Українська"),
    ];

    public static Language Current =>
        All.FirstOrDefault(language => language.Culture == CultureInfo.CurrentUICulture.Name) ?? Default;
}
