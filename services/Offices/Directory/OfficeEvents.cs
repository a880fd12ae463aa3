using Quartier.Contracts.Offices;

namespace Quartier.Offices.Directory;

/// <summary>The office's public data as other services receive it; the contact person is left out on purpose.</summary>
internal static class OfficeEvents
{
    public static OfficeRegistered Registered(Office office) => new(
        office.Id, office.Name, office.Kind, office.Street, office.PostalCode, office.Town, office.FederalState, office.TimeZone,
        office.RegisteredAt, office.Latitude, office.Longitude, [.. office.Languages], [.. office.FieldsOfAction],
        Partners(office), Accessibility(office), Funding(office), ProjectArea(office));

    public static OfficeUpdated Updated(Office office, DateTimeOffset updatedAt) => new(
        office.Id, office.Name, office.Kind, office.Street, office.PostalCode, office.Town, office.FederalState, office.TimeZone,
        updatedAt, office.Latitude, office.Longitude, [.. office.Languages], [.. office.FieldsOfAction],
        Partners(office), Accessibility(office), Funding(office), ProjectArea(office));

    private static List<OfficePartnerInfo> Partners(Office office) =>
        [.. office.Partners.Select(partner => new OfficePartnerInfo(partner.Name, partner.Role, partner.Operates))];

    private static OfficeAccessibilityInfo? Accessibility(Office office) => office.Accessibility is { } a
        ? new(a.StepFreeEntrance, a.AccessibleToilet, a.HearingLoop, a.Notes)
        : null;

    private static OfficeFundingInfo? Funding(Office office) => office.Funding is { } f
        ? new(f.Programme, f.Start, f.End)
        : null;

    private static ProjectAreaInfo? ProjectArea(Office office) => office.ProjectArea is { } area
        ? new(area.Name, area.Population, area.Boundary,
            [.. (area.Indicators ?? []).Select(i => new AreaIndicatorInfo(i.Name, i.AreaValue, i.TownValue, i.Unit, i.Source, i.AsOf, i.Note))])
        : null;
}
