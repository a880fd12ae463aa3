using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Quartier.Bookings.Privacy;

/// <summary>What a language code must look like, and how long contact data may be (phone numbers and e-mail addresses: <see cref="Quartier.ServiceDefaults.Contact.PhoneNumberRules"/>, <see cref="Quartier.ServiceDefaults.Contact.EmailAddressRules"/>).</summary>
public static partial class ContactRules
{
    public const int NameLength = 200;
    public const int PhoneLength = 30;
    public const int EmailLength = 254;
    public const int TopicLength = 1000;
    public const int ConsentVersionLength = 50;
    public const string LanguagePattern = "^[a-z]{2,3}$";

    /// <summary>A language tag such as <c>de-x-ls</c>; one messages are not written in means German.</summary>
    public const int MessageLanguageLength = 20;


    public static bool IsLanguage(string? value) => value is not null && LanguageCodePattern().IsMatch(value);

    public static IEnumerable<ValidationResult> ValidateConsent(ConsentRequest? consent, DateTimeOffset? latest = null)
    {
        if (consent is null)
        {
            yield return new ValidationResult("Privacy consent is required: the version of the consent text the resident agreed to.", ["Consent"]);
            yield break;
        }

        if (string.IsNullOrWhiteSpace(consent.TextVersion))
        {
            yield return new ValidationResult("The version of the consent text is required.", ["Consent.TextVersion"]);
        }

        foreach (var refusal in Consents.Texts.Check(Consents.Purpose, consent.TextVersion, consent.Language, "Consent.TextVersion"))
        {
            yield return refusal;
        }

        if (latest is { } now && consent.GivenAt > now.AddMinutes(5))
        {
            yield return new ValidationResult("Consent cannot be given in the future.", ["Consent.GivenAt"]);
        }
    }

    [GeneratedRegex(LanguagePattern)]
    private static partial Regex LanguageCodePattern();

}
