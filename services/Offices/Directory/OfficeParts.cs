using Quartier.ServiceDefaults.Contact;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Quartier.Offices.Directory;

// The parts of an office document: what staff send, what is stored (as jsonb) and what the
// directory shows are the same shapes, so the rules on them hold everywhere.

/// <summary>An organisation running (<see cref="Operates"/>) or supporting the office.</summary>
public sealed record Partner(
    [property: Required, StringLength(OfficeLimits.OrganisationName, MinimumLength = 2)] string Name,
    [property: Required, AllowedValues(PartnerRoles.Town, PartnerRoles.HousingCompany, PartnerRoles.WelfareOrganisation,
        PartnerRoles.EducationProvider, PartnerRoles.Association, PartnerRoles.Other,
        ErrorMessage = "Unknown role; use town, housing-company, welfare-organisation, education-provider, association or other.")]
    [property: Description("town, housing-company, welfare-organisation, education-provider, association or other.")] string Role,
    [property: Description("Whether the organisation runs the office rather than supporting it.")] bool Operates);

public static class PartnerRoles
{
    public const string Town = "town";
    public const string HousingCompany = "housing-company";
    public const string WelfareOrganisation = "welfare-organisation";
    public const string EducationProvider = "education-provider";
    public const string Association = "association";
    public const string Other = "other";
}

/// <summary>The office's public point of contact, as printed on its flyer; not a resident's data.</summary>
public sealed record PublicContact(
    [property: StringLength(OfficeLimits.PersonName)] string? Person,
    [property: StringLength(OfficeLimits.ContactRole)] string? Role,
    [property: StringLength(OfficeLimits.Phone), PhoneNumber] string? Phone,
    [property: StringLength(OfficeLimits.Email), EmailAddressRule] string? Email);

public sealed record Accessibility(
    bool? StepFreeEntrance,
    bool? AccessibleToilet,
    bool? HearingLoop,
    [property: StringLength(OfficeLimits.Notes)] string? Notes);

/// <summary>The funding programme (e.g. "Sozialer Zusammenhalt") and the period it is granted for.</summary>
public sealed record Funding(
    [property: StringLength(OfficeLimits.Programme)] string? Programme,
    DateOnly? Start,
    DateOnly? End) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Start is { } start && End is { } end && end < start)
        {
            yield return new ValidationResult("The funding period cannot end before it starts.", [nameof(End)]);
        }
    }
}

/// <summary>The area an office serves, described by indicators against the whole town.</summary>
public sealed record ProjectArea(
    [property: Required, StringLength(OfficeLimits.AreaName, MinimumLength = 2)] string Name,
    [property: Range(0, 10_000_000)] int? Population,
    [property: StringLength(OfficeLimits.Notes)] string? Boundary,
    [property: MaxLength(OfficeLimits.MaxIndicators)] IReadOnlyList<AreaIndicator>? Indicators);

/// <summary>One indicator ("Anteil Kinder bis 14 Jahre": 15 % in the area, 12 % in the town); null where not recorded.</summary>
public sealed record AreaIndicator(
    [property: Required, StringLength(OfficeLimits.IndicatorName, MinimumLength = 2)] string Name,
    [property: Description("The value in the project area; null where it is not recorded.")] decimal? AreaValue,
    [property: Description("The same indicator for the whole town, for comparison.")] decimal? TownValue,
    [property: Required, StringLength(OfficeLimits.Unit, MinimumLength = 1)] string Unit,
    [property: StringLength(OfficeLimits.Source)] string? Source,
    DateOnly? AsOf,
    [property: StringLength(OfficeLimits.Notes)] string? Note);
