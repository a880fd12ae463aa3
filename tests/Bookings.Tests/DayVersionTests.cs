using System.Net;
using Quartier.Bookings.Appointments;
using Quartier.Bookings.Contacts;
using Quartier.Bookings.Tests.Support;
using Quartier.Contracts.Bookings;
using Quartier.Testing;

namespace Quartier.Bookings.Tests;

/// <summary>The stamp an open day page asks for: it changes with what the page shows, and only then.</summary>
public sealed class DayVersionTests(PlatformInfrastructure platform) : IAsyncLifetime
{
    private BookingsHost host = null!;
    private Guid office;

    public async ValueTask InitializeAsync()
    {
        host = await BookingsHost.StartAsync(platform);
        office = await host.RegisterOfficeAsync("DE-HH");
        await host.OpenAlwaysAsync(office, new DateOnly(2020, 1, 1));
    }

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task The_day_version_changes_with_a_booking_a_cancellation_and_a_counted_contact_and_stays_while_nothing_changes()
    {
        var service = await host.CreateServiceAsync(office, durationMinutes: 30);
        var slot = await host.FreeSlotAsync(service.Id, TimeSpan.FromHours(3));
        var date = DateOnly.FromDateTime(slot.StartsAt.DateTime);
        var path = $"/api/bookings/offices/{office}/day-version?date={date:yyyy-MM-dd}";
        async Task<string> VersionAsync() => (await host.Client.GetOkAsync<DayVersionView>(path)).Version;

        // A contact counts on the office's today, which in the evening is not the day of a slot three hours ahead.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);
        async Task<string> TodayAsync() => (await host.Client.GetOkAsync<DayVersionView>($"/api/bookings/offices/{office}/day-version?date={today:yyyy-MM-dd}")).Version;

        var empty = await VersionAsync();
        (await VersionAsync()).Should().Be(empty, "nothing changed");
        var booked = await host.Client.BookOkAsync(Requests.Booking(service.Id, slot.StartsAt));
        var withBooking = await VersionAsync();
        using var cancelled = await host.Client.PostAsync($"/api/bookings/appointments/{booked.AppointmentId}/cancel");
        cancelled.StatusCode.Should().Be(HttpStatusCode.NoContent);
        var afterCancel = await VersionAsync();
        var beforeContact = await TodayAsync();
        using var counted = await host.Client.PostAsync($"/api/bookings/offices/{office}/contacts", new CountContactRequest(ContactKind.Phone, null));
        var afterContact = await TodayAsync();

        new[] { empty, withBooking, afterCancel }.Should().OnlyHaveUniqueItems();
        afterContact.Should().NotBe(beforeContact, "a counted contact changes the page of its day");
        (await TodayAsync()).Should().Be(afterContact);
        (await host.Client.GetOkAsync<DayVersionView>($"/api/bookings/offices/{office}/day-version?date={date.AddDays(1):yyyy-MM-dd}")).Version
            .Should().NotBe(afterCancel, "another day has other appointments");
    }
}
