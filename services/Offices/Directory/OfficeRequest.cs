using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Quartier.Offices.Directory;

/// <summary>
/// An office as staff register it (POST) or replace it (PUT), project area included. Name, kind, address
/// and federal state are required; everything else may be filled in later.
/// </summary>
public sealed record OfficeRequest(
    [property: Required, StringLength(OfficeLimits.Name, MinimumLength = 2)] string Name,
    [property: Required, StringLength(OfficeLimits.Kind, MinimumLength = 2)] string Kind,
    [property: Required, StringLength(OfficeLimits.Street, MinimumLength = 2)] string Street,
    [property: Required, RegularExpression("^[0-9]{5}$", ErrorMessage = "A German postal code has exactly five digits.")] string PostalCode,
    [property: Required, StringLength(OfficeLimits.Town, MinimumLength = 2)] string Town,
    [property: Required, FederalStateCode, Description("ISO 3166-2 code of the federal state, e.g. DE-NI; decides the public holidays.")] string FederalState,
    [property: TimeZoneId, Description("IANA time zone; Europe/Berlin when left out.")] string? TimeZone = null,
    [property: Range(-90d, 90d)] double? Latitude = null,
    [property: Range(-180d, 180d)] double? Longitude = null,
    [property: MaxLength(OfficeLimits.MaxPartners)] IReadOnlyList<Partner>? Partners = null,
    PublicContact? Contact = null,
    [property: MaxLength(OfficeLimits.MaxLanguages), LanguageCodes, Description("ISO 639-1 codes of the languages spoken there, e.g. de, ar, uk.")] IReadOnlyList<string>? Languages = null,
    Accessibility? Accessibility = null,
    [property: FieldOfActionCodes, Description("Field-of-action codes: wohnen, soziale-infrastruktur, zusammenleben, bildung, beschaeftigung, stadtteilkultur, sport-freizeit, gesundheit, umwelt-verkehr, image.")] IReadOnlyList<string>? FieldsOfAction = null,
    Funding? Funding = null,
    ProjectArea? ProjectArea = null) : IValidatableObject
{
    public const string DefaultTimeZone = "Europe/Berlin";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Latitude.HasValue != Longitude.HasValue)
        {
            yield return new ValidationResult(
                "Give both coordinates or neither.", [Latitude.HasValue ? nameof(Longitude) : nameof(Latitude)]);
        }
    }
}
