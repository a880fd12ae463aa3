using System.Globalization;
using Quartier.ServiceDefaults.Http;

namespace Quartier.Web;

/// <summary>A language the pages are written in: its tag (a culture, or Leichte Sprache), its own name for itself, its direction.</summary>
public sealed record Language(string Culture, string Endonym, bool RightToLeft = false)
{
    public string Direction => RightToLeft ? "rtl" : "ltr";

    /// <summary>The spoken language (ISO 639) behind the written one: German for Leichte Sprache.</summary>
    public string Spoken => ChosenLanguage.CultureOf(Culture);

    /// <summary>Written only: no one asks for an appointment or an office "in Leichte Sprache" as a spoken language.</summary>
    public bool IsSpoken => Spoken == Culture;
}

public static class Languages
{
    /// <summary>Leichte Sprache: easy-to-read German (texts in <c>Resources/TextsEasy.resx</c>), a variant no culture names.</summary>
    public const string EasyGerman = "de-x-ls";

    public static Language Default { get; } = new("de", "Deutsch");

    /// <summary>The languages of the source offices' quarters, each named as its speakers name it.</summary>
    public static IReadOnlyList<Language> All { get; } =
    [
        Default,
        new(EasyGerman, "Leichte Sprache"),
        new("en", "English"),
        new("ar", "العربية", RightToLeft: true),
        new("fa", "فارسی", RightToLeft: true),
        new("tr", "Türkçe"),
        new("ru", "Русский"),
        new("uk", "Українська"),
    ];

    /// <summary>The languages people speak, for "which language do you want to talk in" and "offices speaking".</summary>
    public static IEnumerable<Language> Spoken => All.Where(language => language.IsSpoken);

    public static Language Current =>
        All.FirstOrDefault(language => language.Culture == (ChosenLanguage.Current ?? CultureInfo.CurrentUICulture.Name)) ?? Default;
}
