using Quartier.Web.Api;

namespace Quartier.Web.Components.Pages;

/// <summary>"Call me back": the number to call, an address for the confirmation, the language to speak, what it is about, the consent.</summary>
public sealed class CallbackForm
{
    public string IdempotencyKey { get; set; } = string.Empty;

    public string? Phone { get; set; }

    /// <summary>Optional: where the confirmation goes.</summary>
    public string? Email { get; set; }

    public string Language { get; set; } = "de";

    public string? Topic { get; set; }

    public bool Consent { get; set; }

    public IEnumerable<(string Property, string TextKey)> Check()
    {
        if (string.IsNullOrWhiteSpace(Phone))
        {
            yield return (nameof(Phone), "PhoneMissing");
        }

        if (!Consent)
        {
            yield return (nameof(Consent), "Invalid_consent");
        }
    }

    public CallbackRequest ToRequest(DateTimeOffset windowStartsAt, ConsentText consentText) => new(
        windowStartsAt, Phone?.Trim(), Language, string.IsNullOrWhiteSpace(Topic) ? null : Topic.Trim(),
        Consent ? new Consent(consentText) : null,
        string.IsNullOrWhiteSpace(Email) ? null : Email.Trim(), Languages.Current.Culture);
}
