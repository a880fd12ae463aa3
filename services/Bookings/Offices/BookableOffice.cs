namespace Quartier.Bookings.Offices;

/// <summary>
/// Bookings' own copy of an office, kept from the Offices service's events: what it needs to
/// compute opening hours and slots (time zone, federal state for public holidays) without asking Offices.
/// </summary>
public sealed class BookableOffice
{
    public Guid OfficeId { get; init; }

    public required string Name { get; set; }

    public required string Town { get; set; }

    public required string FederalState { get; set; }

    public required string TimeZone { get; set; }

    public bool AcceptsBookings { get; set; } = true;

    public DateTimeOffset RegisteredAt { get; init; }

    /// <summary>The last local date <c>OpeningHoursChanged</c> has described; null until the office's hours are first announced.</summary>
    public DateOnly? HoursAnnouncedThrough { get; set; }
}
