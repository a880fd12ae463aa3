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

    /// <summary>The office's local date at <paramref name="now"/>.</summary>
    public DateOnly Today(DateTimeOffset now) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(TimeZone)).DateTime);

    protected override void Take(OfficeDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        (Name, Town, TimeZone) = (description.Name, description.Town, description.TimeZone);
    }
}
