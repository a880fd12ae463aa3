namespace Quartier.Web;

/// <summary>The versions of the privacy notice's texts a resident consents to; stored with each booking.</summary>
public static class PrivacyNotice
{
    /// <summary>Changes with the wording of the appointments section (Resources: PrivacyAppointments*).</summary>
    public const string AppointmentsVersion = "2026-12-appointments";

    /// <summary>Changes with the wording of the events section (Resources: PrivacyEvents*).</summary>
    public const string EventsVersion = "2026-12-events";

    /// <summary>Changes with the wording of the volunteering section (Resources: PrivacyVolunteers*).</summary>
    public const string VolunteersVersion = "2026-12-volunteers";
}
