using Quartier.Web.Components.Common;
using Quartier.Contracts.Bookings;
using Quartier.Web.Api;

namespace Quartier.Web.Components.Pages;

/// <summary>The resident's details as the form posts them; the checks a page can make before asking the service.</summary>
public sealed class BookingForm : IResidentContact
{
    /// <summary>The privacy notice's version the consent box refers to (see the privacy page).</summary>

    /// <summary>Carried by the form: submitting it twice books once.</summary>
    public string IdempotencyKey { get; set; } = string.Empty;

    public string? Name { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string Language { get; set; } = "de";

    public bool InterpreterNeeded { get; set; }

    public string? Topic { get; set; }

    public bool Consent { get; set; }

    /// <summary>The properties the page itself can refuse, with the text key of the reason.</summary>
    public IEnumerable<(string Property, string TextKey)> Check() => ResidentChecks.NameReachAndConsent(Name, Phone, Email, Consent);

    public AppointmentRequest ToRequest(Guid serviceId, DateTimeOffset startsAt, AppointmentChannel channel, ConsentText consentText) => new(
        serviceId, startsAt, channel, Name?.Trim(), Blank(Phone), Blank(Email), Language, InterpreterNeeded, Blank(Topic),
        Consent ? new Consent(consentText) : null, Languages.Current.Culture);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
