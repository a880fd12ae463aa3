using System.Text.Json;
using Quartier.ServiceDefaults.Messaging.OfficeCopies;

namespace Quartier.Reporting.Offices;

/// <summary>Read model: the offices reports are made for, as the latest of their events describes them.</summary>
public sealed class ReportedOffice : OfficeCopy
{
    public string? Name { get; set; }

    public string? Kind { get; set; }

    public string? Town { get; set; }

    public string? FederalState { get; set; }

    /// <summary>The name of the project area the office serves, which area reports select by.</summary>
    public string? ProjectArea { get; set; }

    /// <summary>The project area with its indicators as announced, as JSON.</summary>
    public string? ProjectAreaData { get; set; }

    public DateTimeOffset? RegisteredAt { get; set; }

    public uint Version { get; private set; }

    protected override void Take(OfficeDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        (Name, Kind, Town, FederalState) = (description.Name, description.Kind, description.Town, description.FederalState);
        ProjectArea = description.ProjectArea?.Name;
        ProjectAreaData = description.ProjectArea is null ? null : JsonSerializer.Serialize(description.ProjectArea, JsonSerializerOptions.Web);
    }
}
