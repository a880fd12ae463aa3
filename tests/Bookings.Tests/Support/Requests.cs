using Quartier.Bookings.Appointments;
using Quartier.Bookings.Privacy;
using Quartier.Contracts.Bookings;

namespace Quartier.Bookings.Tests.Support;

public static class Requests
{
    public static BookAppointmentRequest Booking(Guid serviceId, DateTimeOffset startsAt, AppointmentChannel channel = AppointmentChannel.InPerson) => new(
        serviceId, startsAt, channel, "Amina Yilmaz", "+49 3605 123456", null, "tr", InterpreterNeeded: true,
        "Nebenkostenabrechnung", new ConsentRequest("2026-12-appointments", DateTimeOffset.UtcNow.AddMinutes(-1).ToOffset(TimeSpan.FromHours(1))));
}
