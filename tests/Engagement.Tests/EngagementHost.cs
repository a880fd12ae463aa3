using System.Net.Http.Json;
using MassTransit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Quartier.Contracts.Offices;
using Quartier.Engagement.Events;
using Quartier.Engagement.Offices;
using Quartier.Testing;

namespace Quartier.Engagement.Tests;

/// <summary>
/// The Engagement service on its own database and virtual host, as one or more instances sharing
/// them (what several pods would do), plus the Offices events it lives from.
/// </summary>
internal sealed class EngagementHost : IAsyncDisposable
{
    private static readonly TimeSpan ArrivalTimeout = TimeSpan.FromSeconds(15);

    private readonly List<ServiceFactory<Program>> instances = [];
    private readonly List<HttpClient> clients = [];
    private readonly List<IAsyncDisposable> extras = [];
    private IBusControl? officesBus;

    private EngagementHost(IReadOnlyDictionary<string, string> settings) => Settings = settings;

    public IReadOnlyDictionary<string, string> Settings { get; }

    public ServiceFactory<Program> Service => instances[0];

    public HttpClient Client => clients[0];

    public IReadOnlyList<HttpClient> Clients => clients;

    public string Messaging => Settings["ConnectionStrings:messaging"];

    /// <summary>Starts Engagement on its own database and virtual host, with <paramref name="more"/> settings (an SMTP server, say).</summary>
    public static async Task<EngagementHost> StartAsync(PlatformInfrastructure platform, int instances = 1, IReadOnlyDictionary<string, string>? more = null)
    {
        var host = new EngagementHost(await ServiceFactory.OwnResourcesAsync(platform, "engagement", more));
        for (var i = 0; i < instances; i++)
        {
            // Started one after the other: the first applies the migrations, the next find them applied.
            var instance = new ServiceFactory<Program>(host.Settings);
            instance.StartServer();
            host.instances.Add(instance);
            host.clients.Add(instance.CreateStaffClient());
        }

        return host;
    }

    /// <summary>Another instance on the same database whose clock runs <paramref name="ahead"/> of real time.</summary>
    public WebApplicationFactory<Program> StartWithClockAhead(TimeSpan ahead, IReadOnlyDictionary<string, string>? settings = null)
    {
        var later = Service.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new ShiftedClock(ahead)));
        });
        extras.Add(later);
        return later;
    }

    /// <summary>Publishes an Offices event as the Offices service would, and waits until Engagement applied it.</summary>
    public async Task<Guid> RegisterOfficeAsync(string name = "Stadtteilbüro Südstadt")
    {
        var officeId = Guid.NewGuid();
        await PublishAsync(new OfficeRegistered(officeId, name, "Stadtteilbüro", "Käthe-Kollwitz-Straße 20", "37327",
            "Leinefelde-Worbis", "DE-TH", "Europe/Berlin", DateTimeOffset.UtcNow));
        await WaitForOfficeAsync(officeId, office => true);
        return officeId;
    }

    public async Task CloseOfficeAsync(Guid officeId)
    {
        await PublishAsync(new OfficeClosed(officeId, DateTimeOffset.UtcNow));
        await WaitForOfficeAsync(officeId, office => !office.IsOpen);
    }

    /// <summary>Publishes events as another service's relay would, each with a message id of its own, in this order.</summary>
    public async Task PublishAsync(params object[] messages)
    {
        if (officesBus is null)
        {
            officesBus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(Messaging)));
            await officesBus.StartAsync(TestContext.Current.CancellationToken);
        }

        foreach (var message in messages)
        {
            await officesBus.Publish(message, message.GetType(), context => context.MessageId = NewId.NextGuid(), TestContext.Current.CancellationToken);
        }
    }

    public async Task<HostOfficeResponse> WaitForOfficeAsync(Guid officeId, Func<HostOfficeResponse, bool> condition)
    {
        var deadline = DateTime.UtcNow + ArrivalTimeout;
        while (true)
        {
            using var response = await Client.GetAsync(new Uri($"/api/engagement/offices/{officeId}", UriKind.Relative), TestContext.Current.CancellationToken);
            if (response.IsSuccessStatusCode)
            {
                var office = (await response.Content.ReadFromJsonAsync<HostOfficeResponse>(TestContext.Current.CancellationToken))!;
                if (condition(office))
                {
                    return office;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Office {officeId} did not reach the expected state in Engagement within {ArrivalTimeout.TotalSeconds} s.");
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public async Task<EventResponse> ScheduleEventAsync(Guid officeId, int capacity, object? overrides = null)
    {
        var startsAt = DateTimeOffset.UtcNow.AddDays(7);
        var body = Json.Merge(new
        {
            fieldOfAction = "stadtteilkultur",
            texts = new[]
            {
                new { language = "de", title = "Stadtteilfest Südstadt", description = (string?)"Musik, Essen und Spiele für alle." },
                new { language = "ar", title = "مهرجان الحي", description = (string?)null },
            },
            place = "Käthe-Kollwitz-Straße 20",
            startsAt,
            endsAt = startsAt.AddHours(4),
            registrationDeadline = startsAt.AddDays(-1),
            capacity,
        }, overrides);
        using var response = await Client.PostAsJsonAsync($"/api/engagement/offices/{officeId}/events", body, TestContext.Current.CancellationToken);
        await Json.EnsureStatusAsync(response, System.Net.HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<EventResponse>(TestContext.Current.CancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        if (officesBus is not null)
        {
            await officesBus.StopAsync();
        }

        foreach (var client in clients)
        {
            client.Dispose();
        }

        foreach (var extra in extras)
        {
            await extra.DisposeAsync();
        }

        foreach (var instance in instances)
        {
            await instance.DisposeAsync();
        }
    }

    private sealed class ShiftedClock(TimeSpan ahead) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + ahead;
    }
}
