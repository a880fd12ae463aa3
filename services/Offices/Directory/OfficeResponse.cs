namespace Quartier.Offices.Directory;

/// <summary>An office as the directory shows it; its version travels in the <c>ETag</c> header.</summary>
public sealed record OfficeResponse(
    Guid Id,
    string Name,
    string Kind,
    string Street,
    string PostalCode,
    string Town,
    string FederalState,
    string TimeZone,
    double? Latitude,
    double? Longitude,
    IReadOnlyList<Partner> Partners,
    PublicContact? Contact,
    IReadOnlyList<string> Languages,
    Accessibility? Accessibility,
    IReadOnlyList<string> FieldsOfAction,
    Funding? Funding,
    ProjectArea? ProjectArea,
    OfficeStatus Status,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? ClosedAt)
{
    public static OfficeResponse From(Office office)
    {
        ArgumentNullException.ThrowIfNull(office);
        return new(
            office.Id, office.Name, office.Kind, office.Street, office.PostalCode, office.Town, office.FederalState, office.TimeZone,
            office.Latitude, office.Longitude, office.Partners, office.Contact, office.Languages, office.Accessibility,
            office.FieldsOfAction, office.Funding, office.ProjectArea, office.Status, office.RegisteredAt, office.UpdatedAt, office.ClosedAt);
    }
}

public sealed record OfficePage(IReadOnlyList<OfficeResponse> Items, int Page, int PageSize, int Total);
