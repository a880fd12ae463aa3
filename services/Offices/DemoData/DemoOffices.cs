using Quartier.Contracts.Offices;
using Quartier.Offices.Directory;

namespace Quartier.Offices.DemoData;

/// <summary>
/// Three real neighbourhood offices with the public facts their towns and operators published
/// (see the seed material). Fixed ids make loading them idempotent. Nothing here is invented:
/// what the sources do not say (coordinates, most languages, some funding periods) stays empty.
/// </summary>
public static class DemoOffices
{
    public static readonly Guid SalzgitterId = DemoOfficeIds.Salzgitter;
    public static readonly Guid LeinefeldeId = DemoOfficeIds.Leinefelde;
    public static readonly Guid StadthagenId = DemoOfficeIds.Stadthagen;

    private static readonly DateOnly StadthagenAsOf = new(2016, 12, 31);

    public static IReadOnlyList<(Guid Id, OfficeRequest Office)> All { get; } =
    [
        (SalzgitterId, Salzgitter()),
        (LeinefeldeId, Leinefelde()),
        (StadthagenId, Stadthagen()),
    ];

    private static OfficeRequest Salzgitter() => new(
        Name: "Koordinierungsbüro Berliner Straße",
        Kind: "Koordinierungsbüro",
        Street: "Berliner Straße 92",
        PostalCode: "38226",
        Town: "Salzgitter",
        FederalState: "DE-NI",
        Partners:
        [
            new("Stadt Salzgitter", PartnerRoles.Town, Operates: true),
            new("TAG Wohnen und Service GmbH", PartnerRoles.HousingCompany, Operates: true),
            new("Diakonie", PartnerRoles.WelfareOrganisation, Operates: true),
        ],
        Contact: new("Markus Meyer", "Ansprechpartner im Koordinierungsbüro", null, null),
        Languages: ["de"],
        FieldsOfAction: ["bildung", "zusammenleben", "wohnen"],
        ProjectArea: new(
            "Obere Berliner Straße",
            Population: null,
            Boundary: "Das Quartier rund um die obere Berliner Straße in Salzgitter.",
            Indicators:
            [
                new("Menschen mit Migrationshintergrund", 63m, null, "%", "Stadt Salzgitter", null, null),
            ]));

    private static OfficeRequest Leinefelde() => new(
        Name: "Stadtteilbüro Südstadt",
        Kind: "Stadtteilbüro",
        Street: "Käthe-Kollwitz-Straße 20",
        PostalCode: "37327",
        Town: "Leinefelde-Worbis",
        FederalState: "DE-TH",
        Partners:
        [
            new("DAA Deutsche Angestellten-Akademie", PartnerRoles.EducationProvider, Operates: true),
            new("Stadt Leinefelde-Worbis", PartnerRoles.Town, Operates: false),
        ],
        Languages: ["de"],
        FieldsOfAction: ["wohnen", "soziale-infrastruktur", "zusammenleben", "bildung", "stadtteilkultur", "sport-freizeit", "gesundheit", "umwelt-verkehr", "image"],
        Funding: new("Sozialer Zusammenhalt – Zusammenleben im Quartier gemeinsam gestalten", null, new DateOnly(2024, 12, 31)),
        ProjectArea: new("Südstadt Leinefelde", null, "Die Südstadt von Leinefelde, Programmgebiet „Sozialer Zusammenhalt“.", []));

    private static OfficeRequest Stadthagen() => new(
        Name: "Mittelpunkt Hüttenstraße",
        Kind: "Treffpunkt",
        Street: "Rathauspassage 4",
        PostalCode: "31655",
        Town: "Stadthagen",
        FederalState: "DE-NI",
        Partners:
        [
            new("Arbeiterwohlfahrt Kreisverband Schaumburg e.V.", PartnerRoles.WelfareOrganisation, Operates: true),
            new("Stadt Stadthagen", PartnerRoles.Town, Operates: false),
        ],
        Contact: new("Stephan Hartmann", "Ansprechpartner, AWO Kreisverband Schaumburg", "+49 5721 939830", null),
        Languages: ["de"],
        FieldsOfAction: ["image", "soziale-infrastruktur", "zusammenleben"],
        ProjectArea: new(
            "Stadthagen Hüttenstraßen-Quartier",
            Population: 3508,
            Boundary: "Im Nordwesten von Stadthagen: im Süden die Enzer Straße, im Osten die Breslauer Straße, im Norden die Bahnlinie Minden–Hannover, im Westen das Industriegebiet an der Gubener Straße.",
            Indicators:
            [
                Stadthagen("Anteil Kinder (bis 14 Jahre)", 15m, 12m),
                Stadthagen("Jugendliche/junge Erwachsene (bis 26 Jahre)", 17m, 15m),
                Stadthagen("Anteil der älteren Bewohner*innen (ab 60 Jahre)", 26m, 31m),
                Stadthagen("Arbeitslose Menschen (gesamt)", null, 5m,
                    "Für das Quartier statistisch nicht erfasst; im Landkreis Schaumburg 5,9 % (komis.de)."),
                Stadthagen("Ausländische Bewohner*innen", 44m, 24m),
                Stadthagen("Menschen mit Zuwanderungsgeschichte", 55m, 30m,
                    "Nicht statistisch erfasst; vorsichtige Schätzung mit dem Integrationsbeirat Stadthagen."),
                Stadthagen("Menschen, die Transferleistungen beziehen (gesamt)", 70m, null,
                    "Keine Zahlen für die Gesamtstadt; Schätzung für Teilbereiche rund um die Hüttenstraße: 70–80 %."),
            ]));

    private static AreaIndicator Stadthagen(string name, decimal? area, decimal? town, string? note = null) =>
        new(name, area, town, "%", "Stadt Stadthagen", StadthagenAsOf, note);
}
