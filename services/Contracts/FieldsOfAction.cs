namespace Quartier.Contracts;

/// <summary>
/// The fields of action ("Handlungsfelder") of the funding programme "Sozialer Zusammenhalt", by
/// stable code. Offices, appointments, events and volunteer hours are counted per field.
/// </summary>
public static class FieldsOfAction
{
    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>
    {
        ["wohnen"] = "Wohnen und Wohnumfeld",
        ["soziale-infrastruktur"] = "Soziale Aktivitäten und soziale Infrastruktur",
        ["zusammenleben"] = "Zusammenleben unterschiedlicher sozialer und ethnischer Gruppen",
        ["bildung"] = "Schule und Bildung",
        ["beschaeftigung"] = "Beschäftigung und Qualifizierung",
        ["stadtteilkultur"] = "Stadtteilkultur",
        ["sport-freizeit"] = "Sport und Freizeit",
        ["gesundheit"] = "Gesundheitsförderung",
        ["umwelt-verkehr"] = "Umwelt und Verkehr",
        ["image"] = "Imageverbesserung und Öffentlichkeitsarbeit",
    };

    public static bool IsKnown(string? code) => code is not null && Names.ContainsKey(code);
}
