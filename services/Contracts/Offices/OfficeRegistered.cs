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
    DateTimeOffset RegisteredAt);
