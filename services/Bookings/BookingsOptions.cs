namespace Quartier.Bookings;

/// <summary>Settings of the Bookings service, section <c>Bookings</c>.</summary>
public sealed class BookingsOptions
{
    public const string Section = "Bookings";

    /// <summary>Until this long before an appointment the resident may cancel or move it with the link.</summary>
    public TimeSpan ChangeCutOff { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long before an appointment the resident is reminded by e-mail, unless the office sets its own.</summary>
    public TimeSpan ReminderLead { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan PersonalDataPurgeInterval { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan OverdueCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How far ahead <c>OpeningHoursChanged</c> describes the effective opening hours.</summary>
    public int AnnouncedDays { get; set; } = 365;

    /// <summary>How often the announced horizon is moved on to today + <see cref="AnnouncedDays"/>.</summary>
    public TimeSpan HorizonCheckInterval { get; set; } = TimeSpan.FromHours(1);
}
