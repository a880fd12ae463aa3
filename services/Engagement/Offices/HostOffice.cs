using Quartier.ServiceDefaults.Messaging.OfficeCopies;

namespace Quartier.Engagement.Offices;

/// <summary>
/// Engagement's own copy of an office that hosts volunteers and events, kept from the Offices
/// service's events; a closed office takes no new events or shifts.
/// </summary>
public sealed class HostOffice : OfficeCopy
{
    public string Name { get; set; } = string.Empty;

    public string Town { get; set; } = string.Empty;

    public string TimeZone { get; set; } = "Europe/Berlin";

    protected override void Take(OfficeDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        (Name, Town, TimeZone) = (description.Name, description.Town, description.TimeZone);
    }
}
