namespace Quartier.Contracts;

/// <summary>
/// German federal states by ISO 3166-2 code: public holidays differ between them,
/// so offices carry theirs and bookings computes holidays from it.
/// </summary>
public static class FederalStates
{
    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>
    {
        ["DE-BW"] = "Baden-Württemberg",
        ["DE-BY"] = "Bayern",
        ["DE-BE"] = "Berlin",
        ["DE-BB"] = "Brandenburg",
        ["DE-HB"] = "Bremen",
        ["DE-HH"] = "Hamburg",
        ["DE-HE"] = "Hessen",
        ["DE-MV"] = "Mecklenburg-Vorpommern",
        ["DE-NI"] = "Niedersachsen",
        ["DE-NW"] = "Nordrhein-Westfalen",
        ["DE-RP"] = "Rheinland-Pfalz",
        ["DE-SL"] = "Saarland",
        ["DE-SN"] = "Sachsen",
        ["DE-ST"] = "Sachsen-Anhalt",
        ["DE-SH"] = "Schleswig-Holstein",
        ["DE-TH"] = "Thüringen",
    };

    public static bool IsKnown(string? code) => code is not null && Names.ContainsKey(code);
}
