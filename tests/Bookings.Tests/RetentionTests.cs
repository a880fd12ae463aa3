using System.Net.Http.Json;
using Quartier.Bookings.Appointments;
using Quartier.Bookings.Callbacks;
using Quartier.Bookings.Privacy;
using Quartier.Bookings.Tests.Support;
using Quartier.Testing;

namespace Quartier.Bookings.Tests;

public sealed class RetentionTests(PlatformInfrastructure platform) : IAsyncLifetime
{
    private BookingsHost host = null!;

    public async ValueTask InitializeAsync() => host = await BookingsHost.StartAsync(platform);

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Personal_data_goes_30_days_after_the_appointment_or_callback_and_the_bookings_stay()
    {
        var office = await host.RegisterOfficeAsync("DE-NI");
        await host.OpenAlwaysAsync(office, new DateOnly(2020, 1, 1));
        var service = await host.CreateServiceAsync(office, horizonDays: 60);
        using var settings = await host.Client.PutAsJsonAsync($"/api/bookings/offices/{office}/callback-settings", new CallbackSettingsRequest(60, 1, 0, 14), Json.Options, TestContext.Current.CancellationToken);
        var slot = await host.FreeSlotAsync(service.Id, TimeSpan.FromHours(3));
        var done = await host.Client.BookOkAsync(Requests.Booking(service.Id, slot.StartsAt));
        var farAhead = await host.Client.BookOkAsync(Requests.Booking(service.Id, (await host.FreeSlotFromAsync(service.Id, slot.StartsAt.AddDays(40))).StartsAt));
        var windows = await host.Client.GetOkAsync<List<CallbackWindow>>($"/api/bookings/offices/{office}/callback-windows?from={slot.StartsAt:yyyy-MM-dd}&to={slot.StartsAt.AddDays(2):yyyy-MM-dd}");
        using var callbackResponse = await host.Client.PostAsync($"/api/bookings/offices/{office}/callbacks",
            new RequestCallbackRequest(windows[^1].StartsAt, "0160 1234567", "ar", "Wohnungssuche", null, new ConsentRequest("2026-01", DateTimeOffset.UtcNow)));
        var callback = await callbackResponse.ReadAsync<CallbackConfirmation>();

        host.Clock.Advance(slot.EndsAt - host.Clock.GetUtcNow() + TimeSpan.FromDays(29));
        (await host.RunScopedAsync<PersonalDataPurge, int>(purge => purge.PurgeAsync(TestContext.Current.CancellationToken))).Should().Be(0);
        host.Clock.Advance(TimeSpan.FromDays(4));
        var purged = await host.RunScopedAsync<PersonalDataPurge, int>(purge => purge.PurgeAsync(TestContext.Current.CancellationToken));

        purged.Should().Be(2);
        using (var expired = await host.Anonymous.GetAsync(new Uri(done.ManagementUrl, UriKind.Relative), TestContext.Current.CancellationToken))
        {
            expired.StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound, "an expired link opens nothing, like an unknown one");
        }

        using (var expired = await host.Anonymous.GetAsync(new Uri(callback.ManagementUrl, UriKind.Relative), TestContext.Current.CancellationToken))
        {
            expired.StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
        }

        (await host.Client.GetOkAsync<AppointmentView>(farAhead.ManagementUrl)).Name.Should().Be("Amina Yilmaz");
        var day = await host.Client.GetOkAsync<List<StaffAppointmentView>>($"/api/bookings/offices/{office}/appointments?date={slot.StartsAt:yyyy-MM-dd}");
        day.Should().ContainSingle(a => a.AppointmentId == done.AppointmentId && a.Name == null && a.Channel == Contracts.Bookings.AppointmentChannel.InPerson);
    }
}
