using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;

namespace Quartier.Testing;

/// <summary>Compares a translation with its source texts: a missing text would show the German one to a reader who cannot read it.</summary>
public static partial class Translations
{
    /// <summary>The texts of one resource set in exactly one culture (no fallback), by key.</summary>
    public static Dictionary<string, string> Entries(Assembly assembly, string baseName, CultureInfo culture) =>
        new ResourceManager(baseName, assembly).GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string)entry.Value!);

    /// <summary>What is wrong with <paramref name="translated"/>: keys missing or stale, placeholders that differ, texts left empty.</summary>
    public static List<string> Differences(IReadOnlyDictionary<string, string> source, IReadOnlyDictionary<string, string> translated)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(translated);
        var differences = new List<string>();
        differences.AddRange(source.Keys.Except(translated.Keys).Select(key => $"{key}: missing"));
        differences.AddRange(translated.Keys.Except(source.Keys).Select(key => $"{key}: no longer in the source"));
        foreach (var (key, text) in source.Where(entry => translated.ContainsKey(entry.Key)))
        {
            if (string.IsNullOrWhiteSpace(translated[key]))
            {
                differences.Add($"{key}: empty");
            }
            else if (!Placeholders(translated[key]).SequenceEqual(Placeholders(text)))
            {
                differences.Add($"{key}: placeholders {string.Join(' ', Placeholders(translated[key]))} instead of {string.Join(' ', Placeholders(text))}");
            }
        }

        return differences;
    }

    /// <summary>
    /// What is wrong with the texts of <paramref name="baseName"/> in <paramref name="language"/>: Leichte
    /// Sprache (<c>de-x-ls</c>, which no culture names) is the resource set <c>{baseName}Easy</c>, the
    /// others are cultures of <paramref name="baseName"/>; German is the neutral one.
    /// </summary>
    public static List<string> DifferencesIn(Assembly assembly, string baseName, string language)
    {
        var german = Entries(assembly, baseName, CultureInfo.InvariantCulture);
        var translated = language == "de-x-ls"
            ? Entries(assembly, baseName + "Easy", CultureInfo.InvariantCulture)
            : Entries(assembly, baseName, CultureInfo.GetCultureInfo(language));
        return Differences(german, translated);
    }

    private static IEnumerable<string> Placeholders(string text) => Placeholder().Matches(text).Select(match => match.Value).Order();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
