using Quartier.ServiceDefaults.Contact;
using System.ComponentModel.DataAnnotations;
using Quartier.Bookings.Privacy;
using Quartier.Contracts;
using Quartier.Contracts.Bookings;

namespace Quartier.Bookings.Callbacks;

public sealed record CallbackSettingsRequest(
    [property: Required, Range(15, 240)] int? WindowMinutes,
    [property: Required, Range(1, 100)] int? CapacityPerWindow,
    [property: Range(0, 60 * 24 * 7)] int? MinimumNoticeMinutes,
    [property: Range(1, 90)] int? HorizonDays);

public sealed record CallbackSettingsResponse(Guid OfficeId, int WindowMinutes, int CapacityPerWindow, int MinimumNoticeMinutes, int HorizonDays)
{
    public static CallbackSettingsResponse From(CallbackSettings s) => new(s.OfficeId, s.WindowMinutes, s.CapacityPerWindow, s.MinimumNoticeMinutes, s.HorizonDays);
}

public sealed record RequestCallbackRequest(
    [property: Required] DateTimeOffset? WindowStartsAt,
    [property: Required, StringLength(ContactRules.PhoneLength), PhoneNumber] string? Phone,
    [property: Required, RegularExpression(ContactRules.LanguagePattern, ErrorMessage = "Use an ISO 639 language code such as de, en, ar.")] string? Language,
    [property: StringLength(ContactRules.TopicLength)] string? Topic,
    string? FieldOfAction,
    ConsentRequest? Consent,
    [property: StringLength(ContactRules.EmailLength), EmailAddressRule] string? Email = null,
    [property: StringLength(ContactRules.MessageLanguageLength)] string? MessageLanguage = null) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {

        if (FieldOfAction is not null && !FieldsOfAction.IsKnown(FieldOfAction))
        {
            yield return new ValidationResult("Unknown field of action.", [nameof(FieldOfAction)]);
        }

        foreach (var result in ContactRules.ValidateConsent(Consent))
        {
            yield return result;
        }
    }
}

public sealed record RecordAttemptRequest([property: Required] CallbackAttemptOutcome? Outcome);

public sealed record CallbackConfirmation(
    Guid CallbackId,
    Guid OfficeId,
    DateTimeOffset WindowStartsAt,
    DateTimeOffset WindowEndsAt,
    string ManagementToken,
    string ManagementUrl);

/// <summary>A callback as the resident (with the link) or staff (in the queue) see it.</summary>
public sealed record CallbackView(
    Guid CallbackId,
    Guid OfficeId,
    DateTimeOffset WindowStartsAt,
    DateTimeOffset WindowEndsAt,
    CallbackStatus Status,
    string Language,
    string? FieldOfAction,
    string? Phone,
    string? Topic,
    IReadOnlyList<CallbackAttempt> Attempts,
    bool Overdue);
