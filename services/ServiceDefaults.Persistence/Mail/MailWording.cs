using System.Globalization;
using System.Reflection;
using System.Resources;

namespace Quartier.ServiceDefaults.Mail;

/// <summary>
/// A service's texts for messages to residents: <c>Resources/MailTexts*.resx</c> (German, with one
/// file per language) and <c>Resources/MailTextsEasy.resx</c> (Leichte Sprache, which no culture
/// names: ICU reads <c>de-x-ls</c> as plain German).
/// </summary>
public sealed class MailTextSource(Assembly assembly, string baseName)
{
    private readonly ResourceManager standard = new(baseName, assembly);
    private readonly ResourceManager easy = new(baseName + "Easy", assembly);

    public string? Find(string key, string language) =>
        language == MailWording.EasyGerman
            ? easy.GetString(key, CultureInfo.InvariantCulture) ?? standard.GetString(key, CultureInfo.InvariantCulture)
            : standard.GetString(key, CultureInfo.GetCultureInfo(language));
}

/// <summary>The words of one message in the resident's language: the service's own texts first, then the shared ones (greeting, closing, labels).</summary>
public sealed class MailWording
{
    /// <summary>Leichte Sprache (easy-to-read German), as a private-use tag of German.</summary>
    public const string EasyGerman = "de-x-ls";

    /// <summary>The languages messages are written in: those of the resident pages.</summary>
    public static readonly IReadOnlyList<string> Languages = ["de", EasyGerman, "en", "ar", "fa", "tr", "ru", "uk"];

    private static readonly MailTextSource Shared = new(typeof(MailWording).Assembly, "Quartier.ServiceDefaults.Mail.Resources.MailTexts");

    private readonly MailTextSource own;

    public MailWording(MailTextSource own, string? language)
    {
        this.own = own;
        Language = Written(language);
        Culture = CultureInfo.GetCultureInfo(Language == EasyGerman ? "de" : Language);
    }

    public string Language { get; }

    public CultureInfo Culture { get; }

    public string this[string key] => own.Find(key, Language) ?? Shared.Find(key, Language) ?? throw new KeyNotFoundException($"No mail text '{key}'.");

    /// <summary>The language a message is written in: the first one wished for that messages are written in, else German.</summary>
    public static string Written(params ReadOnlySpan<string?> wishes)
    {
        foreach (var wish in wishes)
        {
            if (Languages.FirstOrDefault(offered => string.Equals(offered, wish, StringComparison.OrdinalIgnoreCase)) is { } offered)
            {
                return offered;
            }
        }

        return "de";
    }

    public string Format(string key, params object[] values) => string.Format(Culture, this[key], values);

    /// <summary>A moment on the office's wall clock, written out for the language: "Montag, 14. Dezember 2026, 10:00".</summary>
    public string When(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return $"{local.ToString("dddd, d MMMM yyyy", Culture)}, {local.ToString("t", Culture)}";
    }

    /// <summary>A period on one day: "Montag, 14. Dezember 2026, 10:00–10:30".</summary>
    public string Between(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone) =>
        $"{When(start, zone)}–{TimeZoneInfo.ConvertTime(end, zone).ToString("t", Culture)}";

    public ResidentLetter Letter(string subject, IReadOnlyList<string> paragraphs, IReadOnlyList<MailFact> facts, MailLink? link, string sender, MailAttachment? attachment = null) =>
        new(Language, subject, this["Greeting"], paragraphs, facts, link, $"{this["Closing"]}\n{sender}\n\n{this["Automatic"]}", attachment);
}
