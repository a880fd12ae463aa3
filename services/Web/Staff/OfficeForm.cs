using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;

namespace Quartier.Web.Staff;

/// <summary>
/// The directory entry as the console edits it: the fields it shows, read from the office's document
/// and written back into it, so that what it does not show is sent back unchanged.
/// </summary>
public sealed class OfficeForm
{
    private List<string> fieldsOfAction = [];
    private List<IndicatorRow> indicators = [];

    /// <summary>The office's version as read (its ETag): a save against a newer one is refused.</summary>
    public string? Version { get; set; }

    public string? Name { get; set; }

    public string? Kind { get; set; } = "Stadtteilbüro";

    public string? Street { get; set; }

    public string? PostalCode { get; set; }

    public string? Town { get; set; }

    public string FederalState { get; set; } = "DE-NI";

    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>ISO 639-1 codes, separated by commas or spaces.</summary>
    public string? Languages { get; set; } = "de";

    // A form sent without any box ticked binds no list at all.
    public List<string> FieldsOfAction { get => fieldsOfAction; set => fieldsOfAction = value ?? []; }

    public string? AreaName { get; set; }

    public string? Population { get; set; }

    public List<IndicatorRow> Indicators { get => indicators; set => indicators = value ?? []; }

    public static OfficeForm From(JsonObject office, string? version)
    {
        ArgumentNullException.ThrowIfNull(office);
        var contact = office["contact"] as JsonObject;
        var area = office["projectArea"] as JsonObject;
        return new OfficeForm
        {
            Version = version,
            Name = (string?)office["name"],
            Kind = (string?)office["kind"],
            Street = (string?)office["street"],
            PostalCode = (string?)office["postalCode"],
            Town = (string?)office["town"],
            FederalState = (string?)office["federalState"] ?? "DE-NI",
            Phone = (string?)contact?["phone"],
            Email = (string?)contact?["email"],
            Languages = string.Join(", ", (office["languages"] as JsonArray ?? []).Select(language => (string?)language)),
            FieldsOfAction = [.. (office["fieldsOfAction"] as JsonArray ?? []).Select(field => (string?)field ?? string.Empty)],
            AreaName = (string?)area?["name"],
            Population = ((int?)area?["population"])?.ToString(CultureInfo.InvariantCulture),
            Indicators = [.. (area?["indicators"] as JsonArray ?? []).OfType<JsonObject>().Select(IndicatorRow.From)],
        };
    }

    /// <summary>The indicators as the office service takes them; a row that cannot be read is named in <paramref name="errors"/>.</summary>
    public JsonArray ReadIndicators(IDictionary<string, string> errors, IStringLocalizer texts)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(texts);
        var read = new JsonArray();
        for (var row = 0; row < Indicators.Count; row++)
        {
            var indicator = Indicators[row];
            if (indicator.IsEmpty)
            {
                continue;
            }

            var number = row + 1;
            if (string.IsNullOrWhiteSpace(indicator.Name))
            {
                errors[$"indicator-{number}-Name"] = string.Format(CultureInfo.CurrentCulture, texts["IndicatorNameMissing"], number);
            }

            if (string.IsNullOrWhiteSpace(indicator.Unit))
            {
                errors[$"indicator-{number}-Unit"] = string.Format(CultureInfo.CurrentCulture, texts["IndicatorUnitMissing"], number);
            }

            var areaValue = Decimal(indicator.AreaValue);
            var townValue = Decimal(indicator.TownValue);
            if (areaValue is null && !string.IsNullOrWhiteSpace(indicator.AreaValue))
            {
                errors[$"indicator-{number}-AreaValue"] = string.Format(CultureInfo.CurrentCulture, texts["IndicatorNumber"], number);
            }

            if (townValue is null && !string.IsNullOrWhiteSpace(indicator.TownValue))
            {
                errors[$"indicator-{number}-TownValue"] = string.Format(CultureInfo.CurrentCulture, texts["IndicatorNumber"], number);
            }

            read.Add(new JsonObject
            {
                ["name"] = indicator.Name?.Trim(),
                ["areaValue"] = areaValue,
                ["townValue"] = townValue,
                ["unit"] = indicator.Unit?.Trim(),
                ["source"] = string.IsNullOrWhiteSpace(indicator.Source) ? null : indicator.Source.Trim(),
            });
        }

        return read;
    }

    /// <summary>The office's document with this form's fields written into it.</summary>
    public JsonObject Apply(JsonObject current, JsonArray indicators)
    {
        ArgumentNullException.ThrowIfNull(current);
        var office = (JsonObject)current.DeepClone();
        foreach (var shownOnlyInAnswers in new[] { "id", "status", "registeredAt", "updatedAt", "closedAt" })
        {
            office.Remove(shownOnlyInAnswers);
        }

        office["name"] = Name?.Trim();
        office["kind"] = Kind?.Trim();
        office["street"] = Street?.Trim();
        office["postalCode"] = PostalCode?.Trim();
        office["town"] = Town?.Trim();
        office["federalState"] = FederalState;
        var contact = office["contact"] as JsonObject ?? [];
        contact["phone"] = string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim();
        contact["email"] = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim();
        office["contact"] = contact;
        office["languages"] = new JsonArray([.. (Languages ?? string.Empty)
            .Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(code => JsonValue.Create(code.ToLowerInvariant()))]);
        office["fieldsOfAction"] = new JsonArray([.. FieldsOfAction.Select(field => JsonValue.Create(field))]);
        if (string.IsNullOrWhiteSpace(AreaName))
        {
            office["projectArea"] = null;
        }
        else
        {
            var area = office["projectArea"] as JsonObject ?? [];
            // An indicator keeps what the form does not show (its date, its note) under its name.
            var stored = (area["indicators"] as JsonArray ?? []).OfType<JsonObject>().ToDictionary(i => (string?)i["name"] ?? string.Empty, StringComparer.Ordinal);
            foreach (var indicator in indicators.OfType<JsonObject>())
            {
                if (stored.GetValueOrDefault((string?)indicator["name"] ?? string.Empty) is { } before)
                {
                    foreach (var (property, value) in before.Where(p => !indicator.ContainsKey(p.Key)).ToList())
                    {
                        indicator[property] = value?.DeepClone();
                    }
                }
            }

            area["name"] = AreaName.Trim();
            area["population"] = int.TryParse(Population?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var population) ? population : null;
            area["indicators"] = indicators;
            office["projectArea"] = area;
        }

        return office;
    }

    /// <summary>The form field the office service's name for a refused field belongs to.</summary>
    public static string FieldOf(string apiField)
    {
        ArgumentNullException.ThrowIfNull(apiField);
        var parts = apiField.Split('.');
        return parts[0].ToLowerInvariant() switch
        {
            "contact" when parts.Length > 1 => parts[1].Equals("email", StringComparison.OrdinalIgnoreCase) ? "Email" : "Phone",
            "projectarea" when parts.Length > 1 && parts[1].StartsWith("population", StringComparison.OrdinalIgnoreCase) => "Population",
            "projectarea" => "AreaName",
            "languages" => "Languages",
            "name" => "Name",
            "kind" => "Kind",
            "street" => "Street",
            "postalcode" => "PostalCode",
            "town" => "Town",
            _ => "Name",
        };
    }

    private static decimal? Decimal(string? text) =>
        decimal.TryParse(text?.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;
}

/// <summary>One indicator of the project area as typed (numbers with a decimal comma or point).</summary>
public sealed class IndicatorRow
{
    public string? Name { get; set; }

    public string? AreaValue { get; set; }

    public string? TownValue { get; set; }

    public string? Unit { get; set; }

    public string? Source { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(AreaValue) && string.IsNullOrWhiteSpace(TownValue) && string.IsNullOrWhiteSpace(Unit);

    public static IndicatorRow From(JsonObject indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return new IndicatorRow
        {
            Name = (string?)indicator["name"],
            AreaValue = ((decimal?)indicator["areaValue"])?.ToString(CultureInfo.CurrentCulture),
            TownValue = ((decimal?)indicator["townValue"])?.ToString(CultureInfo.CurrentCulture),
            Unit = (string?)indicator["unit"],
            Source = (string?)indicator["source"],
        };
    }
}
