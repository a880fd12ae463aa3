using Quartier.ServiceDefaults.Contact;
using System.ComponentModel.DataAnnotations;
using Quartier.Engagement.Privacy;

namespace Quartier.Engagement.Registrations;

public static class RegistrationLimits
{
    public const int Name = 200;
    public const int Email = 254;
    public const int Phone = 30;
    public const int ConsentTextVersion = 50;
    public const int MaxPeople = 10;

    /// <summary>A language tag such as <c>de-x-ls</c>; one messages are not written in means German.</summary>
    public const int MessageLanguage = 20;
}

public sealed record RegisterRequest(
    [property: Required, StringLength(RegistrationLimits.Name, MinimumLength = 2)] string Name,
    [property: EmailAddressRule, StringLength(RegistrationLimits.Email)] string? Email,
    [property: PhoneNumber, StringLength(RegistrationLimits.Phone, MinimumLength = 5)] string? Phone,
    [property: Range(1, RegistrationLimits.MaxPeople)] int People,
    bool Consent,
    [property: Required, StringLength(RegistrationLimits.ConsentTextVersion, MinimumLength = 1)] string ConsentTextVersion,
    [property: StringLength(RegistrationLimits.MessageLanguage)] string? MessageLanguage = null,
    [property: StringLength(RegistrationLimits.MessageLanguage)] string? ConsentLanguage = null) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var refusal in Consents.Texts.Check(Consents.Events, ConsentTextVersion, ConsentLanguage, nameof(ConsentTextVersion)))
        {
            yield return refusal;
        }

        if (string.IsNullOrWhiteSpace(Email) && string.IsNullOrWhiteSpace(Phone))
        {
            yield return new ValidationResult("An e-mail address or a phone number is needed to reach you.", [nameof(Email)]);
        }

        if (!Consent)
        {
            yield return new ValidationResult("Registration needs your consent to store your name and contact.", [nameof(Consent)]);
        }
    }
}

public sealed record RegistrationResponse(
    Guid Id,
    Guid EventId,
    int People,
    RegistrationStatus Status,
    int? WaitlistPosition);

/// <summary>What the resident gets once: the secret link to see or cancel the registration.</summary>
public sealed record RegisteredResponse(
    Guid Id,
    Guid EventId,
    int People,
    RegistrationStatus Status,
    int? WaitlistPosition,
    string ManagementToken,
    string ManagementUrl);

public sealed record StaffRegistrationResponse(
    Guid Id,
    int People,
    RegistrationStatus Status,
    long ArrivalOrder,
    string? Name,
    string? Email,
    string? Phone,
    int? PeopleAttended);

public sealed record RecordAttendanceRequest([property: Range(0, RegistrationLimits.MaxPeople)] int PeopleAttended);
