using System.ComponentModel.DataAnnotations;

namespace Quartier.Bookings.Privacy;

/// <summary>The privacy consent a resident gave: which version of the consent text, and when.</summary>
public sealed record ConsentRequest(
    [property: Required, StringLength(ContactRules.ConsentVersionLength, MinimumLength = 1)] string TextVersion,
    [property: Required] DateTimeOffset? GivenAt);
