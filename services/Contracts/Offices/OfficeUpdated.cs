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
    DateTimeOffset UpdatedAt);
