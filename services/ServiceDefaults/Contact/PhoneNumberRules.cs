using System.ComponentModel.DataAnnotations;
using PhoneNumbers;

namespace Quartier.ServiceDefaults.Contact;

/// <summary>
/// One rule for phone numbers in every service: a number libphonenumber holds valid, a German one also
/// in national form (<c>03605 555123</c>), stored in E.164 (<c>+493605555123</c>) so that staff can
/// dial it and the same number is the same text everywhere.
/// </summary>
public static class PhoneNumberRules
{
    private const string AssumedRegion = "DE";

    /// <summary>The number in E.164, or null when the text is no valid phone number.</summary>
    public static string? ToE164(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var util = PhoneNumberUtil.GetInstance();
        try
        {
            var number = util.Parse(text, AssumedRegion);
            return util.IsValidNumber(number) ? util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>A stored number as people read it, grouped (<c>+49 3605 555123</c>); what does not parse is shown as it is.</summary>
    public static string Readable(string number)
    {
        var util = PhoneNumberUtil.GetInstance();
        try
        {
            return util.Format(util.Parse(number, AssumedRegion), PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return number;
        }
    }
}

/// <summary>A phone number as <see cref="PhoneNumberRules"/> accepts it; an empty one is left to <c>[Required]</c>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class PhoneNumberAttribute() : ValidationAttribute("Enter a phone number, such as 03605 555123 or +49 3605 555123.")
{
    public override bool IsValid(object? value) =>
        value is not string text || string.IsNullOrWhiteSpace(text) || PhoneNumberRules.ToE164(text) is not null;
}
