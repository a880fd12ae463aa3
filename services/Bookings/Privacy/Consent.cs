using System.ComponentModel.DataAnnotations;
using Quartier.ServiceDefaults.Privacy;

namespace Quartier.Bookings.Privacy;

/// <summary>
/// The privacy consent a resident gave: which version of the consent text, in which language they read
/// it (German when not said), and when (when the request arrives, unless the client says when it was given).
/// </summary>
public sealed record ConsentRequest(
    [property: Required, StringLength(ContactRules.ConsentVersionLength, MinimumLength = 1)] string TextVersion,
    DateTimeOffset? GivenAt = null,
    [property: StringLength(ContactRules.MessageLanguageLength)] string? Language = null)
{
    /// <summary>The language stored with the consent: the one the resident read, German when not said.</summary>
    public string ShownLanguage => Language ?? ConsentTexts.DefaultLanguage;
}

/// <summary>The consent text residents agree to when they book an appointment or a callback (<c>Privacy/ConsentTexts</c>).</summary>
public static class Consents
{
    public const string Purpose = "appointments";

    public static ConsentTexts Texts { get; } = ConsentTexts.Of(typeof(Consents).Assembly);
}
