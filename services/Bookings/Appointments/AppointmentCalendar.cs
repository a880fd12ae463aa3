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
    /// <summary>
    /// The appointment as of <paramref name="changedAt"/> (default: as booked). A calendar that holds
    /// it already takes a version with a higher SEQUENCE as its update: minutes since booking grow
    /// with every later change without a stored counter.
    /// </summary>
    public static string Create(Appointment appointment, BookableOffice office, AppointmentService service, DateTimeOffset? changedAt = null)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        ArgumentNullException.ThrowIfNull(office);
        ArgumentNullException.ThrowIfNull(service);
        var title = service.NameIn(appointment.Language);
        var calendar = new Ical.Net.Calendar { ProductId = "-//Quartier Platform//Bookings//DE", Method = "PUBLISH" };
        calendar.Events.Add(new CalendarEvent
        {
            Uid = $"{appointment.Id}@bookings.quartier",
            DtStamp = new CalDateTime((changedAt ?? appointment.BookedAt).UtcDateTime),
            Sequence = changedAt is { } changed ? (int)Math.Max(1, (changed - appointment.BookedAt).TotalMinutes) : 0,
            DtStart = new CalDateTime(appointment.StartsAt.UtcDateTime),
            DtEnd = new CalDateTime(appointment.EndsAt.UtcDateTime),
            Summary = $"{title} – {office.Name}",
            Location = $"{office.Name}, {office.Address}",
            Status = appointment.Status == AppointmentStatus.Cancelled ? Ical.Net.EventStatus.Cancelled : Ical.Net.EventStatus.Confirmed,
        });
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
