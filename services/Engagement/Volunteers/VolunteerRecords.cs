using Quartier.ServiceDefaults.Contact;
using System.ComponentModel.DataAnnotations;
using Quartier.Contracts;
using Quartier.Contracts.Engagement;
using Quartier.Engagement.Common;
using Quartier.Engagement.Privacy;

namespace Quartier.Engagement.Volunteers;

public static class VolunteerLimits
{
    public const int Name = 200;
    public const int Email = 254;
    public const int Phone = 30;
    public const int ConsentTextVersion = 50;
    public const int MaxLanguages = 10;
    public const int MaxSlots = 21;
    public const int MessageLanguage = 20;
}

public sealed record AvailabilityRequest(DayOfWeek Weekday, TimeOnly From, TimeOnly To);

public sealed record GuardianConsentRequest(
    [property: Required, StringLength(VolunteerLimits.Name, MinimumLength = 2)] string Name,
    [property: Required, StringLength(VolunteerLimits.ConsentTextVersion, MinimumLength = 1)] string ConsentTextVersion);

public sealed record SignUpVolunteerRequest(
    [property: Required, StringLength(VolunteerLimits.Name, MinimumLength = 2)] string Name,
    [property: EmailAddressRule, StringLength(VolunteerLimits.Email)] string? Email,
    [property: PhoneNumber, StringLength(VolunteerLimits.Phone, MinimumLength = 5)] string? Phone,
    [property: Required, MinLength(1), MaxLength(VolunteerLimits.MaxLanguages)] IReadOnlyList<string> Languages,
    [property: Required, MaxLength(VolunteerSkills.MaxCount)] IReadOnlyList<string> Skills,
    [property: Required, MaxLength(VolunteerLimits.MaxSlots)] IReadOnlyList<AvailabilityRequest> Availability,
    AgeGroup AgeGroup,
    GuardianConsentRequest? Guardian,
    bool Consent,
    [property: Required, StringLength(VolunteerLimits.ConsentTextVersion, MinimumLength = 1)] string ConsentTextVersion,
    [property: StringLength(VolunteerLimits.MessageLanguage)] string? MessageLanguage = null,
    [property: StringLength(VolunteerLimits.MessageLanguage)] string? ConsentLanguage = null) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var refusal in Consents.Texts.Check(Consents.Volunteers, ConsentTextVersion, ConsentLanguage, nameof(ConsentTextVersion))
            .Concat(Consents.Texts.Check(Consents.Volunteers, Guardian?.ConsentTextVersion, ConsentLanguage, $"{nameof(Guardian)}.{nameof(GuardianConsentRequest.ConsentTextVersion)}")))
        {
            yield return refusal;
        }

        if (string.IsNullOrWhiteSpace(Email) && string.IsNullOrWhiteSpace(Phone))
        {
            yield return new ValidationResult("An e-mail address or a phone number is needed to reach you.", [nameof(Email)]);
        }

        if (Languages is not null && Languages.Any(language => !LanguageCodes.IsKnown(language)))
        {
            yield return new ValidationResult("Use ISO 639-1 language codes such as de, en, ar, uk.", [nameof(Languages)]);
        }

        if (Skills is not null && Skills.Any(skill => string.IsNullOrWhiteSpace(skill) || skill.Length > VolunteerSkills.MaxLength))
        {
            yield return new ValidationResult($"Each skill is a word or phrase of 1 to {VolunteerSkills.MaxLength} characters.", [nameof(Skills)]);
        }

        if (Availability is not null && Availability.Any(slot => slot is null || slot.To <= slot.From || !Enum.IsDefined(slot.Weekday)))
        {
            yield return new ValidationResult("Each availability is a weekday with a time range that ends after it starts.", [nameof(Availability)]);
        }

        if (!Enum.IsDefined(AgeGroup))
        {
            yield return new ValidationResult("Unknown age group.", [nameof(AgeGroup)]);
        }

        if (AgeGroup == AgeGroup.Minor && Guardian is null)
        {
            yield return new ValidationResult("A minor needs a guardian's consent: the guardian's name and the consent text version.", [nameof(Guardian)]);
        }

        if (!Consent)
        {
            yield return new ValidationResult("Signing up needs your consent to store your name and contact.", [nameof(Consent)]);
        }
    }
}

public sealed record VolunteerResponse(
    Guid Id,
    Guid OfficeId,
    string? Name,
    string? Email,
    string? Phone,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Skills,
    IReadOnlyList<AvailabilityRequest> Availability,
    AgeGroup AgeGroup,
    VolunteerStatus Status,
    DateTimeOffset SignedUpAt)
{
    public static VolunteerResponse From(Volunteer v) => new(
        v.Id, v.OfficeId, v.Name, v.Email, v.Phone, v.Languages, v.Skills,
        v.Availability.Select(slot => new AvailabilityRequest(slot.Weekday, slot.From, slot.To)).ToList(),
        v.AgeGroup, v.Status, v.SignedUpAt);
}

/// <summary>What the public sign-up answers, once: the secret link to the volunteer's own data; no personal data echoed.</summary>
public sealed record SignedUpResponse(Guid Id, VolunteerStatus Status, string ManagementToken, string ManagementUrl);

/// <summary>What the volunteer's own link shows: where the sign-up stands.</summary>
public sealed record SignUpStatusResponse(Guid Id, Guid OfficeId, string Office, VolunteerStatus Status, DateTimeOffset SignedUpAt, DateTimeOffset? ApprovedAt, DateTimeOffset? EndedAt);
