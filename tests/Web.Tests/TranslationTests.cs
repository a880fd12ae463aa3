using System.Collections;
using System.Globalization;
using System.Resources;
using FluentAssertions;

namespace Quartier.Web.Tests;

/// <summary>Every language the pages offer is complete: a missing text would show the German one to a reader who cannot read it.</summary>
public sealed class TranslationTests
{
    private const string ResidentPages = "Quartier.Web.Resources.Texts";
    private const string StaffConsole = "Quartier.Web.Resources.Staff.StaffTexts";

    public static TheoryData<string, string> OfferedLanguages => new(
        Languages.All.Where(language => language != Languages.Default).Select(language => (ResidentPages, language.Culture))
            .Concat(Staff.StaffTexts.Languages.Where(language => language != Languages.Default).Select(language => (StaffConsole, language.Culture))));

    [Theory]
    [MemberData(nameof(OfferedLanguages))]
    public void Every_text_of_the_German_pages_is_translated_with_the_same_placeholders(string texts, string culture)
    {
        var german = Entries(texts, CultureInfo.InvariantCulture);
        var translated = Entries(texts, CultureInfo.GetCultureInfo(culture));

        translated.Keys.Should().BeEquivalentTo(german.Keys, $"{culture} has every text and no stale one");
        foreach (var (key, text) in german)
        {
            Placeholders(translated[key]).Should().BeEquivalentTo(Placeholders(text), $"{culture}'s {key} fills in the same values");
            translated[key].Should().NotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public void The_pages_offer_German_and_English_and_the_languages_of_the_quarters_with_Arabic_and_Farsi_right_to_left()
    {
        Languages.All.Select(language => language.Culture).Should().Contain(["de", "en", "ar", "fa", "tr", "ru", "uk"]);
        Languages.All.Where(language => language.RightToLeft).Select(language => language.Culture).Should().BeEquivalentTo(["ar", "fa"]);
    }

    private static Dictionary<string, string> Entries(string texts, CultureInfo culture) =>
        new ResourceManager(texts, typeof(Web.Texts).Assembly).GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string)entry.Value!);

    private static IEnumerable<string> Placeholders(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(match => match.Value).Order();
}
