using Quartier.Bookings.AppointmentServices;
using Quartier.Bookings.Callbacks;
using Quartier.Bookings.DemoData;
using Quartier.Bookings.Tests.Support;
using Quartier.Contracts.Bookings;
using Quartier.Contracts.Offices;
using Quartier.Testing;

namespace Quartier.Bookings.Tests;

public sealed class DemoBookingsTests(PlatformInfrastructure platform) : IAsyncLifetime
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private BookingsHost host = null!;

    public async ValueTask InitializeAsync() => host = await BookingsHost.StartAsync(platform);

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    private Task<string?> LoadAsync() =>
        host.RunScopedAsync<IServiceProvider, string?>(services => DemoBookings.LoadAsync(services, TestContext.Current.CancellationToken));

    [Fact]
    public async Task The_demo_office_can_be_booked_at_once_in_its_real_hours_also_by_video_and_loading_again_changes_nothing()
    {
        (await LoadAsync()).Should().BeNull("Bookings does not know the office before the offices' demo data registered it");
        await host.PublishAsync(new OfficeRegistered(DemoOfficeIds.Leinefelde, "Stadtteilbüro Südstadt", "Stadtteilbüro", "Käthe-Kollwitz-Straße 20", "37327",
            "Leinefelde-Worbis", "DE-TH", "Europe/Berlin", host.Clock.GetUtcNow()));
        await host.WaitForOfficeAsync(DemoOfficeIds.Leinefelde, _ => true);

        (await LoadAsync()).Should().Be("opening hours, an appointment service in person, by phone and by video, callback windows");
        (await LoadAsync()).Should().Be("nothing (all there already)");

        var service = (await host.Client.GetOkAsync<List<AppointmentServiceResponse>>($"/api/bookings/offices/{DemoOfficeIds.Leinefelde}/services")).Single();
        service.Channels.Should().Contain(AppointmentChannel.Video);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var slots = await host.Client.SlotsAsync(service.Id, today, today.AddDays(13), AppointmentChannel.Video);
        slots.Should().NotBeEmpty("a newcomer can book at once");
        slots.Select(slot => TimeZoneInfo.ConvertTime(slot.StartsAt, Berlin)).Should().OnlyContain(local =>
            (local.DayOfWeek == DayOfWeek.Monday && local.Hour >= 11 && local.Hour < 14)
            || (local.DayOfWeek == DayOfWeek.Tuesday && local.Hour >= 15 && local.Hour < 18)
            || (local.DayOfWeek == DayOfWeek.Wednesday && local.Hour >= 8 && local.Hour < 11)
            || (local.DayOfWeek == DayOfWeek.Thursday && local.Hour >= 15 && local.Hour < 18));
        (await host.Client.GetOkAsync<List<CallbackWindow>>($"/api/bookings/offices/{DemoOfficeIds.Leinefelde}/callback-windows?from={today:yyyy-MM-dd}&to={today.AddDays(13):yyyy-MM-dd}"))
            .Should().NotBeEmpty();
    }
}
