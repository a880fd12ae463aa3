namespace Quartier.Contracts.Offices;

/// <summary>A neighbourhood office was added to the directory. Public data of the office only.</summary>
public sealed record OfficeRegistered(
    Guid OfficeId,
    string Name,
    string Kind,
    string Street,
    string PostalCode,
    string Town,
    string FederalState,
    string TimeZone,
    DateTimeOffset RegisteredAt,
    double? Latitude = null,
    double? Longitude = null,
    IReadOnlyList<string>? Languages = null,
    IReadOnlyList<string>? FieldsOfAction = null,
    IReadOnlyList<OfficePartnerInfo>? Partners = null,
    OfficeAccessibilityInfo? Accessibility = null,
    OfficeFundingInfo? Funding = null,
    ProjectAreaInfo? ProjectArea = null);
