using Quartier.Bookings.Mail;
using Quartier.ServiceDefaults.Mail;
using Quartier.Testing;

namespace Quartier.Bookings.Tests;

/// <summary>Every language messages are written in has every text of Bookings' messages and of the shared greeting, closing and labels.</summary>
public sealed class MailTranslationTests
{
    public static TheoryData<string, string> Texts => new(
        MailWording.Languages.Where(language => language != "de").SelectMany(language => new[]
        {
            ("Quartier.Bookings.Resources.MailTexts", language),
            ("Quartier.ServiceDefaults.Mail.Resources.MailTexts", language),
        }));

    [Theory]
    [MemberData(nameof(Texts))]
    public void Every_text_is_translated_with_the_same_placeholders(string texts, string language)
    {
        var assembly = texts.StartsWith("Quartier.Bookings", StringComparison.Ordinal) ? typeof(BookingsMail).Assembly : typeof(MailWording).Assembly;

        Translations.DifferencesIn(assembly, texts, language).Should().BeEmpty();
    }
}
