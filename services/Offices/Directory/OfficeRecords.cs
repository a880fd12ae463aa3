using System.ComponentModel.DataAnnotations;
using Quartier.Contracts;

namespace Quartier.Offices.Directory;

public sealed record RegisterOfficeRequest(
    [property: Required, StringLength(OfficeLimits.Name, MinimumLength = 2)] string Name,
    [property: Required, StringLength(OfficeLimits.Kind, MinimumLength = 2)] string Kind,
    [property: Required, StringLength(OfficeLimits.Street, MinimumLength = 2)] string Street,
    [property: Required, RegularExpression("^[0-9]{5}$", ErrorMessage = "A German postal code has exactly five digits.")] string PostalCode,
    [property: Required, StringLength(OfficeLimits.Town, MinimumLength = 2)] string Town,
    [property: Required] string FederalState,
    string? TimeZone) : IValidatableObject
{
    public const string DefaultTimeZone = "Europe/Berlin";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (FederalState is not null && !FederalStates.IsKnown(FederalState))
        {
            yield return new ValidationResult(
                $"Unknown federal state; use an ISO 3166-2 code such as {string.Join(", ", FederalStates.Names.Keys.Take(3))}.",
                [nameof(FederalState)]);
        }

        if (TimeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult("Unknown time zone; use an IANA name such as Europe/Berlin.", [nameof(TimeZone)]);
        }
    }
}

public sealed record OfficeResponse(
    Guid Id,
    string Name,
    string Kind,
    string Street,
    string PostalCode,
    string Town,
    string FederalState,
    string TimeZone,
    OfficeStatus Status,
    DateTimeOffset RegisteredAt)
{
    public static OfficeResponse From(Office office) => new(
        office.Id, office.Name, office.Kind, office.Street, office.PostalCode, office.Town,
        office.FederalState, office.TimeZone, office.Status, office.RegisteredAt);
}

public sealed record OfficePage(IReadOnlyList<OfficeResponse> Items, int Page, int PageSize, int Total);
