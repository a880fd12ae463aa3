using System.Net;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Quartier.Bookings.AppointmentServices;
using Quartier.Bookings.Offices;
using Quartier.Bookings.OpeningHours;
using Quartier.Contracts.Bookings;
using Quartier.Contracts.Offices;
using Quartier.Testing;

namespace Quartier.Bookings.Tests.Support;

/// <summary>
/// The Bookings service in the test process against the real PostgreSQL and RabbitMQ, with a clock
/// the test can move. A second instance on the same database and broker simulates a scaled-out service.
/// </summary>
public sealed class BookingsHost : IAsyncDisposable
{
    private readonly ServiceFactory<Program> root;
    private readonly WebApplicationFactory<Program> factory;
    private readonly IReadOnlyDictionary<string, string> settings;

    private BookingsHost(IReadOnlyDictionary<string, string> settings, TestClock clock)
    {
        this.settings = settings;
        Clock = clock;
        root = new ServiceFactory<Program>(settings);
        factory = root.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        Client = factory.CreateStaffClient();
        Anonymous = factory.CreateClient();
    }

    /// <summary>Staff of every office the service knows.</summary>
    public HttpClient Client { get; }

    /// <summary>No token unless the request carries one.</summary>
    public HttpClient Anonymous { get; }

    public TestClock Clock { get; }

    public string MessagingConnectionString => settings["ConnectionStrings:messaging"];

    public IServiceProvider Services => factory.Services;

    /// <summary>Starts Bookings on its own database and virtual host, with <paramref name="more"/> settings (an SMTP server, say).</summary>
    public static async Task<BookingsHost> StartAsync(PlatformInfrastructure platform, IReadOnlyDictionary<string, string>? more = null)
    {
        ArgumentNullException.ThrowIfNull(platform);
        var settings = await ServiceFactory.OwnResourcesAsync(platform, "bookings", more);

        // The tests run detection and purge themselves, at the moment they choose.
        settings["Bookings:OverdueCheckInterval"] = "01:00:00";
        settings["Bookings:PersonalDataPurgeInterval"] = "01:00:00";
        settings["Bookings:HorizonCheckInterval"] = "01:00:00";
        return new BookingsHost(settings, new TestClock());
    }

    /// <summary>A second instance of the service on the same database and broker, sharing the clock.</summary>
    public BookingsHost StartSecondInstance() => new(settings, Clock);

    public async Task<T> RunScopedAsync<TService, T>(Func<TService, Task<T>> action) where TService : notnull
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Publishes events as another service's relay would, each with a message id of its own, in this order.</summary>
    public async Task PublishAsync(params object[] messages)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(MessagingConnectionString)));
        await bus.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            foreach (var message in messages)
            {
                await bus.Publish(message, message.GetType(), context => context.MessageId = NewId.NextGuid(), TestContext.Current.CancellationToken);
            }
        }
        finally
        {
            await bus.StopAsync(TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Feeds an office as the Offices service would announce it and waits until Bookings knows it.</summary>
    public async Task<Guid> RegisterOfficeAsync(string federalState = "DE-TH", string name = "Stadtteilbüro Südstadt")
    {
        var officeId = Guid.NewGuid();
        await PublishAsync(new OfficeRegistered(officeId, name, "Stadtteilbüro", "Käthe-Kollwitz-Straße 20", "37327",
            "Leinefelde-Worbis", federalState, "Europe/Berlin", Clock.GetUtcNow()));
        await WaitForOfficeAsync(officeId, office => true);
        return officeId;
    }

    public async Task<BookableOfficeResponse> WaitForOfficeAsync(Guid officeId, Func<BookableOfficeResponse, bool> condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            using var response = await Client.GetAsync(new Uri($"/api/bookings/offices/{officeId}", UriKind.Relative), TestContext.Current.CancellationToken);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var office = (await response.Content.ReadFromJsonAsync<BookableOfficeResponse>(Json.Options, TestContext.Current.CancellationToken))!;
                if (condition(office))
                {
                    return office;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Office {officeId} did not reach the expected state in Bookings.");
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Opens the office every day from 00:00 to 23:59, so any near time is bookable.</summary>
    public async Task OpenAlwaysAsync(Guid officeId, DateOnly from)
    {
        var intervals = Enum.GetValues<DayOfWeek>().Select(day => new WeeklyIntervalRequest(day, new TimeOnly(0, 0), new TimeOnly(23, 59))).ToList();
        using var response = await Client.PutAsJsonAsync($"/api/bookings/offices/{officeId}/opening-hours/plans/{from:yyyy-MM-dd}", new SetWeeklyPlanRequest(intervals), Json.Options, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task<AppointmentServiceResponse> CreateServiceAsync(
        Guid officeId, int durationMinutes = 30, int capacity = 1, int bufferAfterMinutes = 0, int minimumNoticeMinutes = 0, int horizonDays = 56,
        AppointmentChannel[]? channels = null)
    {
        var request = new AppointmentServiceRequest(
            new Dictionary<string, string> { ["de"] = "Beratung Wohnen", ["en"] = "Housing advice" },
            durationMinutes, channels ?? [AppointmentChannel.InPerson, AppointmentChannel.Phone], "wohnen", capacity, bufferAfterMinutes, minimumNoticeMinutes, horizonDays);
        using var response = await Client.PostAsJsonAsync($"/api/bookings/offices/{officeId}/services", request, Json.Options, TestContext.Current.CancellationToken);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await response.Content.ReadFromJsonAsync<AppointmentServiceResponse>(Json.Options, TestContext.Current.CancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await factory.DisposeAsync();
        await root.DisposeAsync();
    }
}
