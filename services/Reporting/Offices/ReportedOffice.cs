using System.Text.Json;
using Quartier.Contracts.Offices;

namespace Quartier.Reporting.Offices;

/// <summary>Read model: the offices reports are made for, as the latest of their events describes them.</summary>
public sealed class ReportedOffice
{
    public Guid OfficeId { get; init; }

    public string? Name { get; set; }

    public string? Kind { get; set; }

    public string? Town { get; set; }

    public string? FederalState { get; set; }

    /// <summary>The name of the project area the office serves, which area reports select by.</summary>
    public string? ProjectArea { get; set; }

    /// <summary>The project area with its indicators as announced, as JSON.</summary>
    public string? ProjectAreaData { get; set; }

    public DateTimeOffset? RegisteredAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>When the data held here was current at the source; an older update arriving late is ignored.</summary>
    public DateTimeOffset? DescribedAt { get; set; }

    public uint Version { get; private set; }

    public void Describe(string name, string kind, string town, string federalState, ProjectAreaInfo? projectArea, DateTimeOffset asOf)
    {
        if (DescribedAt > asOf)
        {
            return;
        }

        (Name, Kind, Town, FederalState, DescribedAt) = (name, kind, town, federalState, asOf);
        ProjectArea = projectArea?.Name;
        ProjectAreaData = projectArea is null ? null : JsonSerializer.Serialize(projectArea, JsonSerializerOptions.Web);
    }
}
