using Quartier.ServiceDefaults.Messaging.OfficeCopies;

namespace Quartier.Bookings.Offices;

/// <summary>
/// Bookings' own copy of an office, kept from the Offices service's events: what it needs to
/// compute opening hours and slots (time zone, federal state for public holidays) without asking Offices.
/// It takes bookings while it is open.
/// </summary>
public sealed class BookableOffice : OfficeCopy
{
    public string Name { get; set; } = string.Empty;

    public string Street { get; set; } = string.Empty;

    public string PostalCode { get; set; } = string.Empty;

    public string Town { get; set; } = string.Empty;

    public string FederalState { get; set; } = string.Empty;

    public string TimeZone { get; set; } = "Europe/Berlin";

    /// <summary>Hours before an appointment its resident is reminded by e-mail; 0: never; null: the service's default.</summary>
    public int? ReminderHoursBefore { get; set; }

    /// <summary>Where residents come for appointments in person, as residents' messages name it.</summary>
    public string Address => string.IsNullOrEmpty(Street) ? Town : $"{Street}, {PostalCode} {Town}";

    /// <summary>The last local date <c>OpeningHoursChanged</c> has described; null until the office's hours are first announced.</summary>
    public DateOnly? HoursAnnouncedThrough { get; set; }

    protected override void Take(OfficeDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        (Name, Street, PostalCode, Town, FederalState, TimeZone) = (description.Name, description.Street, description.PostalCode, description.Town, description.FederalState, description.TimeZone);
    }
}
