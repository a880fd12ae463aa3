using Quartier.ServiceDefaults.Contact;
using System.ComponentModel.DataAnnotations;
using Quartier.Bookings.Privacy;
using Quartier.Contracts;
using Quartier.Contracts.Bookings;

namespace Quartier.Bookings.Appointments;

public sealed record BookAppointmentRequest(
    [property: Required] Guid? ServiceId,
    [property: Required] DateTimeOffset? StartsAt,
    [property: Required] AppointmentChannel? Channel,
    [property: Required, StringLength(ContactRules.NameLength, MinimumLength = 2)] string? Name,
    [property: StringLength(ContactRules.PhoneLength), PhoneNumber] string? Phone,
    [property: StringLength(ContactRules.EmailLength), EmailAddressRule] string? Email,
    [property: Required, RegularExpression(ContactRules.LanguagePattern, ErrorMessage = "Use an ISO 639 language code such as de, en, ar.")] string? Language,
    bool InterpreterNeeded,
    [property: StringLength(ContactRules.TopicLength)] string? Topic,
    ConsentRequest? Consent,
    [property: StringLength(ContactRules.MessageLanguageLength)] string? MessageLanguage = null) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(Email))
        {
            yield return new ValidationResult("Give a phone number or an e-mail address so the office can reach you.", [nameof(Phone), nameof(Email)]);
        }

        foreach (var result in ContactRules.ValidateConsent(Consent))
        {
            yield return result;
        }
    }
}

public sealed record RescheduleRequest([property: Required] DateTimeOffset? StartsAt);

public sealed record AttendedRequest(string? OutcomeFieldOfAction, bool? ReferredToOtherOrganisation) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (OutcomeFieldOfAction is not null && !FieldsOfAction.IsKnown(OutcomeFieldOfAction))
        {
            yield return new ValidationResult("Unknown field of action.", [nameof(OutcomeFieldOfAction)]);
        }
    }
}

/// <summary>What the resident gets once: the secret link with which to view, cancel, move or download the appointment.</summary>
public sealed record BookingConfirmation(
    Guid AppointmentId,
    Guid OfficeId,
    Guid ServiceId,
    AppointmentChannel Channel,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string ManagementToken,
    string ManagementUrl,
    string CalendarUrl);

public sealed record AppointmentView(
    Guid AppointmentId,
    Guid OfficeId,
    string OfficeName,
    Guid ServiceId,
    AppointmentChannel Channel,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    AppointmentStatus Status,
    string Language,
    bool InterpreterNeeded,
    string? Name,
    string? Phone,
    string? Email,
    string? Topic,
    DateTimeOffset ChangeableUntil);

public sealed record StaffAppointmentView(
    Guid AppointmentId,
    Guid ServiceId,
    AppointmentChannel Channel,
    int Seat,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    AppointmentStatus Status,
    string Language,
    bool InterpreterNeeded,
    string? Name,
    string? Phone,
    string? Email,
    string? Topic,
    string? OutcomeFieldOfAction,
    bool? ReferredToOtherOrganisation,
    DateTimeOffset? CheckedInAt = null);

/// <summary>Changes whenever what an office's day page shows changes.</summary>
public sealed record DayVersionView(string Version);
