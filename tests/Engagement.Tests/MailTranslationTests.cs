using FluentAssertions;
using Quartier.Engagement.Mail;
using Quartier.ServiceDefaults.Mail;
using Quartier.Testing;

namespace Quartier.Engagement.Tests;

/// <summary>Every language messages are written in has every text of Engagement's messages.</summary>
public sealed class MailTranslationTests
{
    public static TheoryData<string> Languages => new(MailWording.Languages.Where(language => language != "de"));

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_text_is_translated_with_the_same_placeholders(string language) =>
        Translations.DifferencesIn(typeof(EngagementMail).Assembly, "Quartier.Engagement.Resources.MailTexts", language).Should().BeEmpty();
}
