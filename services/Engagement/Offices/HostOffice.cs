namespace Quartier.Engagement.Offices;

/// <summary>
/// Engagement's own copy of an office that hosts volunteers and events, kept from the Offices
/// service's events; a closed office takes no new events or shifts.
/// </summary>
public sealed class HostOffice
{
    public Guid OfficeId { get; init; }

    public required string Name { get; set; }

    public required string Town { get; set; }

    public required string TimeZone { get; set; }

    public bool IsOpen { get; set; } = true;
}
