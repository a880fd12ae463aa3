using System.Net;
using System.Net.Http.Json;
using Quartier.Bookings.Appointments;
using Quartier.Bookings.Callbacks;
using Quartier.Bookings.OpeningHours;
using Quartier.Bookings.Privacy;
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
    public async Task A_closed_office_offers_no_hours_from_its_closing_and_takes_back_the_hours_it_had_announced()
    {
        var office = await host.RegisterOfficeAsync("DE-NI");
        await host.OpenAlwaysAsync(office, new DateOnly(2020, 1, 1));
        await using var announced = await EventProbe.StartAsync<OpeningHoursChanged>(host.MessagingConnectionString, TestContext.Current.CancellationToken);
        var closedAt = host.Clock.GetUtcNow();

        await host.PublishAsync(new OfficeClosed(office, closedAt));

        // The announcement of the hours themselves may still be on its way; the withdrawal is the one made at the closure.
        var withdrawal = (await announced.WaitForAsync(e => e.OfficeId == office && e.ChangedAt >= closedAt, TimeSpan.FromSeconds(10))).Message;
        withdrawal.From.Should().Be(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(closedAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime));
        withdrawal.To.Should().BeAfter(withdrawal.From.AddDays(7), "everything announced ahead is taken back");
        withdrawal.Intervals.Should().OnlyContain(interval => interval.EndsAt <= closedAt, "only what was open before the closure remains on its day");
        var tomorrow = withdrawal.From.AddDays(1);
        var week = await host.Client.GetOkAsync<List<EffectiveDayResponse>>($"/api/bookings/offices/{office}/opening-hours/effective?from={tomorrow:yyyy-MM-dd}&to={tomorrow.AddDays(6):yyyy-MM-dd}");
        week.Should().HaveCount(7).And.OnlyContain(day => !day.Open && day.ClosureReason == EffectiveOpeningHours.OfficeClosed);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task The_copy_ends_closed_with_the_latest_data_whatever_order_and_however_often_the_office_events_arrive(int seed)
    {
        var history = new OfficeHistory(host.Clock.GetUtcNow());

        await host.PublishAsync([.. history.ShuffledAndRepeated(seed)]);

        await host.WaitForOfficeAsync(history.OfficeId, office => office.Name == OfficeHistory.FinalName && !office.AcceptsBookings);
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        (await host.WaitForOfficeAsync(history.OfficeId, _ => true)).Should().BeEquivalentTo(new { Name = OfficeHistory.FinalName, AcceptsBookings = false });
    }

    [Fact]
    public async Task When_the_office_closes_future_appointments_and_callbacks_are_cancelled_and_announced_and_new_bookings_refused()
    {
        var office = await host.RegisterOfficeAsync("DE-NI");
        await host.OpenAlwaysAsync(office, new DateOnly(2020, 1, 1));
        var service = await host.CreateServiceAsync(office);
        await using var cancelled = await EventProbe.StartAsync<AppointmentCancelled>(host.MessagingConnectionString, TestContext.Current.CancellationToken);
        var slot = await host.FreeSlotAsync(service.Id, TimeSpan.FromHours(3));
        var booked = await host.Client.BookOkAsync(Requests.Booking(service.Id, slot.StartsAt));
        var later = await host.Client.BookOkAsync(Requests.Booking(service.Id, (await host.FreeSlotFromAsync(service.Id, slot.StartsAt.AddHours(1))).StartsAt));
        using var settings = await host.Client.PutAsJsonAsync($"/api/bookings/offices/{office}/callback-settings", new CallbackSettingsRequest(60, 1, 0, 14), Json.Options, TestContext.Current.CancellationToken);
        using var callbackResponse = await host.Client.PostAsync($"/api/bookings/offices/{office}/callbacks",
            new RequestCallbackRequest(
                (await host.Client.GetOkAsync<List<CallbackWindow>>($"/api/bookings/offices/{office}/callback-windows?from={slot.StartsAt:yyyy-MM-dd}&to={slot.StartsAt.AddDays(1):yyyy-MM-dd}"))[^1].StartsAt,
                "0160 1234567", "de", null, null, new ConsentRequest("2026-12-appointments", DateTimeOffset.UtcNow)));
        callbackResponse.StatusCode.Should().Be(HttpStatusCode.Created);
        var callback = await callbackResponse.ReadAsync<CallbackConfirmation>();
        await using var callbackCancelled = await EventProbe.StartAsync<CallbackCancelled>(host.MessagingConnectionString, TestContext.Current.CancellationToken);

        await host.PublishAsync(new OfficeClosed(office, host.Clock.GetUtcNow()));

        await host.WaitForOfficeAsync(office, o => !o.AcceptsBookings);
        var announced = await Task.WhenAll(
            cancelled.WaitForAsync(e => e.AppointmentId == booked.AppointmentId, TimeSpan.FromSeconds(10)),
            cancelled.WaitForAsync(e => e.AppointmentId == later.AppointmentId, TimeSpan.FromSeconds(10)));
        announced.Should().OnlyContain(e => e.Message.CancelledBy == CancelledBy.OfficeClosed);
        (await host.Client.GetOkAsync<AppointmentView>(booked.ManagementUrl)).Status.Should().Be(AppointmentStatus.Cancelled);
        await callbackCancelled.WaitForAsync(e => e.CallbackId == callback.CallbackId, TimeSpan.FromSeconds(10));
        (await host.Client.GetOkAsync<CallbackView>(callback.ManagementUrl)).Status.Should().Be(CallbackStatus.Cancelled);

        using var refused = await host.Client.BookAsync(Requests.Booking(service.Id, slot.StartsAt.AddHours(2)));
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        using var noSlots = await host.Client.GetAsync(new Uri($"/api/bookings/services/{service.Id}/slots?channel=InPerson&from={slot.StartsAt:yyyy-MM-dd}&to={slot.StartsAt:yyyy-MM-dd}", UriKind.Relative), TestContext.Current.CancellationToken);
        noSlots.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }
}
