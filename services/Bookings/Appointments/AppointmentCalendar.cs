using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Quartier.Bookings.AppointmentServices;
using Quartier.Bookings.Offices;

namespace Quartier.Bookings.Appointments;

/// <summary>
/// An RFC 5545 calendar with the one appointment, times in UTC so every calendar shows them right;
/// written by Ical.Net, which folds long lines and escapes text as the standard asks.
/// </summary>
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
        var calendar = new Ical.Net.Calendar { ProductId = "-//Quartier Platform//Bookings//DE", Method = "PUBLISH" };
        calendar.Events.Add(new CalendarEvent
        {
            Uid = $"{appointment.Id}@bookings.quartier",
            DtStamp = new CalDateTime(appointment.BookedAt.UtcDateTime),
            DtStart = new CalDateTime(appointment.StartsAt.UtcDateTime),
            DtEnd = new CalDateTime(appointment.EndsAt.UtcDateTime),
            Summary = $"{title} – {office.Name}",
            Location = $"{office.Name}, {office.Town}",
            Status = appointment.Status == AppointmentStatus.Cancelled ? Ical.Net.EventStatus.Cancelled : Ical.Net.EventStatus.Confirmed,
        });
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
