using System.ComponentModel.DataAnnotations;
using Quartier.ServiceDefaults.Contact;

namespace Quartier.Offices.Feedback;

public static class FeedbackLimits
{
    public const int Message = 2000;
    public const int Where = 200;
    public const int Email = 254;
    public const int Phone = 30;
    public const int Language = 16;
}

/// <summary>A barrier a resident met on the pages, for the office to answer (BITV 2.0 feedback route).</summary>
public sealed record AccessibilityFeedbackRequest(
    [property: Required, StringLength(FeedbackLimits.Message, MinimumLength = 3)] string Message,
    [property: StringLength(FeedbackLimits.Where)] string? Where,
    [property: EmailAddressRule, StringLength(FeedbackLimits.Email)] string? Email,
    [property: PhoneNumber, StringLength(FeedbackLimits.Phone, MinimumLength = 5)] string? Phone,
    [property: StringLength(FeedbackLimits.Language)] string? Language);

/// <summary>The answer to a report: the office it is on its way to.</summary>
public sealed record FeedbackReceived(Guid OfficeId, string OfficeName);

/// <summary>What became of a report: on its way to the office (named), or why not.</summary>
public enum FeedbackOutcome
{
    Queued,
    UnknownOffice,
    OfficeClosed,
    OfficeHasNoEmail,
}
