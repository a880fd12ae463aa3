using Quartier.Web.Components.Common;
using Quartier.Web.Api;

namespace Quartier.Web.Components.Pages;

/// <summary>Registering for an event: who comes, how to reach them, how many people, the consent.</summary>
public sealed class EventForm : IResidentContact
{
    public const int MaxPeople = 6;

    public string IdempotencyKey { get; set; } = string.Empty;

    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public int People { get; set; } = 1;

    public bool Consent { get; set; }

    public IEnumerable<(string Property, string TextKey)> Check() => ResidentChecks.NameReachAndConsent(Name, Phone, Email, Consent);

    public EventRegistrationRequest ToRequest(ConsentText consentText) => new(
        Name?.Trim(), string.IsNullOrWhiteSpace(Email) ? null : Email.Trim(), string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim(),
        Math.Clamp(People, 1, MaxPeople), Consent, consentText.Version, Languages.Current.Culture, consentText.Language);
}
