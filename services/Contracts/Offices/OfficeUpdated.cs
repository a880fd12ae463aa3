namespace Quartier.Contracts.Offices;

/// <summary>An office's public data changed; carries the data as it is now.</summary>
public sealed record OfficeUpdated(
    Guid OfficeId,
    string Name,
    string Kind,
    string Street,
    string PostalCode,
    string Town,
    string FederalState,
    string TimeZone,
    DateTimeOffset UpdatedAt,
    double? Latitude = null,
    double? Longitude = null,
    IReadOnlyList<string>? Languages = null,
    IReadOnlyList<string>? FieldsOfAction = null,
    IReadOnlyList<OfficePartnerInfo>? Partners = null,
    OfficeAccessibilityInfo? Accessibility = null,
    OfficeFundingInfo? Funding = null,
    ProjectAreaInfo? ProjectArea = null);
