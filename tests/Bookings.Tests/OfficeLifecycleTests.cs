using System.Net;
using Quartier.Bookings.Appointments;
using Quartier.Bookings.Tests.Support;
using Quartier.Contracts.Bookings;
using Quartier.Contracts.Offices;
using Quartier.Testing;

namespace Quartier.Bookings.Tests;

public sealed class OfficeLifecycleTests(PlatformInfrastructure platform) : IAsyncLifetime
{
    private BookingsHost host = null!;

    public async ValueTask InitializeAsync() => host = await BookingsHost.StartAsync(platform);

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task An_updated_office_changes_the_copy_and_its_holidays_follow_the_new_state()
    {
        var office = await host.RegisterOfficeAsync("DE-NI");

        await host.PublishAsync(new OfficeUpdated(office, "Stadtteilbüro Nord", "Stadtteilbüro", "Hauptstraße 1", "80331", "München", "DE-BY", "Europe/Berlin", host.Clock.GetUtcNow()));

        var updated = await host.WaitForOfficeAsync(office, o => o.FederalState == "DE-BY");
        updated.Should().BeEquivalentTo(new { Name = "Stadtteilbüro Nord", Town = "München", AcceptsBookings = true });
    }

    [Fact]
    public async Task When_the_office_closes_future_appointments_are_cancelled_and_announced_and_new_bookings_refused()
    {
        var office = await host.RegisterOfficeAsync("DE-NI");
        await host.OpenAlwaysAsync(office, new DateOnly(2020, 1, 1));
        var service = await host.CreateServiceAsync(office);
        await using var cancelled = await EventProbe.StartAsync<AppointmentCancelled>(host.MessagingConnectionString, TestContext.Current.CancellationToken);
        var slot = await host.FreeSlotAsync(service.Id, TimeSpan.FromHours(3));
        var booked = await host.Client.BookOkAsync(Requests.Booking(service.Id, slot.StartsAt));
        var later = await host.Client.BookOkAsync(Requests.Booking(service.Id, slot.StartsAt.AddHours(1)));

        await host.PublishAsync(new OfficeClosed(office, host.Clock.GetUtcNow()));

        await host.WaitForOfficeAsync(office, o => !o.AcceptsBookings);
        var announced = await Task.WhenAll(
            cancelled.WaitForAsync(e => e.AppointmentId == booked.AppointmentId, TimeSpan.FromSeconds(10)),
            cancelled.WaitForAsync(e => e.AppointmentId == later.AppointmentId, TimeSpan.FromSeconds(10)));
        announced.Should().OnlyContain(e => e.Message.CancelledBy == CancelledBy.OfficeClosed);
        (await host.Client.GetOkAsync<AppointmentView>(booked.ManagementUrl)).Status.Should().Be(AppointmentStatus.Cancelled);

        using var refused = await host.Client.BookAsync(Requests.Booking(service.Id, slot.StartsAt.AddHours(2)));
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        using var noSlots = await host.Client.GetAsync(new Uri($"/api/bookings/services/{service.Id}/slots?channel=InPerson&from={slot.StartsAt:yyyy-MM-dd}&to={slot.StartsAt:yyyy-MM-dd}", UriKind.Relative), TestContext.Current.CancellationToken);
        noSlots.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }
}
