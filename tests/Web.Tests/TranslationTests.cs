using System.Globalization;
using FluentAssertions;
using Quartier.Testing;

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
        Translations.DifferencesIn(typeof(Web.Texts).Assembly, texts, culture).Should().BeEmpty($"{culture} has every text, no stale one, each with the same placeholders");
    }

    [Fact]
    public void The_pages_offer_German_and_English_and_the_languages_of_the_quarters_with_Arabic_and_Farsi_right_to_left()
    {
        Languages.All.Select(language => language.Culture).Should().Contain(["de", "de-x-ls", "en", "ar", "fa", "tr", "ru", "uk"]);
        Languages.Spoken.Select(language => language.Culture).Should().NotContain("de-x-ls", "Leichte Sprache is written German");
        Languages.All.Where(language => language.RightToLeft).Select(language => language.Culture).Should().BeEquivalentTo(["ar", "fa"]);
    }
}
