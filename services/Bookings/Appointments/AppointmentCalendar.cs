using System.Globalization;
using System.Text;
using Quartier.Bookings.AppointmentServices;
using Quartier.Bookings.Offices;

namespace Quartier.Bookings.Appointments;

/// <summary>An RFC 5545 calendar with the one appointment, times in UTC so every calendar shows them right.</summary>
public static class AppointmentCalendar
{
    public static string Create(Appointment appointment, BookableOffice office, AppointmentService service)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        ArgumentNullException.ThrowIfNull(office);
        ArgumentNullException.ThrowIfNull(service);
        var title = service.Names.TryGetValue(appointment.Language, out var inLanguage)
            ? inLanguage
            : service.Names.TryGetValue("de", out var german) ? german : service.Names.Values.First();
        var status = appointment.Status == AppointmentStatus.Cancelled ? "CANCELLED" : "CONFIRMED";
        var text = new StringBuilder()
            .Append("BEGIN:VCALENDAR\r\n")
            .Append("VERSION:2.0\r\n")
            .Append("PRODID:-//Quartier Platform//Bookings//DE\r\n")
            .Append("METHOD:PUBLISH\r\n")
            .Append("BEGIN:VEVENT\r\n")
            .Append(CultureInfo.InvariantCulture, $"UID:{appointment.Id}@bookings.quartier\r\n")
            .Append(CultureInfo.InvariantCulture, $"DTSTAMP:{Format(appointment.BookedAt)}\r\n")
            .Append(CultureInfo.InvariantCulture, $"DTSTART:{Format(appointment.StartsAt)}\r\n")
            .Append(CultureInfo.InvariantCulture, $"DTEND:{Format(appointment.EndsAt)}\r\n")
            .Append(CultureInfo.InvariantCulture, $"SUMMARY:{Escape(title)} – {Escape(office.Name)}\r\n")
            .Append(CultureInfo.InvariantCulture, $"LOCATION:{Escape($"{office.Name}, {office.Town}")}\r\n")
            .Append(CultureInfo.InvariantCulture, $"STATUS:{status}\r\n")
            .Append("END:VEVENT\r\n")
            .Append("END:VCALENDAR\r\n");
        return text.ToString();
    }

    private static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
