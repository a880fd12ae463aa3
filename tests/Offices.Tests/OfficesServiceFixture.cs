using Quartier.Testing;

namespace Quartier.Offices.Tests;

/// <summary>One Offices service (own database and virtual host) shared by the tests of a class.</summary>
public class OfficesServiceFixture(PlatformInfrastructure platform) : IAsyncLifetime
{
    /// <summary>
    /// Services in one process share EF Core's internal service provider, and migrating two of them at
    /// once races on the model snapshot ("The model must be finalized ..."): start them one at a time.
    /// </summary>
    private static readonly SemaphoreSlim StartGate = new(1, 1);

    public ServiceFactory<Program> Service { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public virtual async ValueTask InitializeAsync()
    {
        Service = new ServiceFactory<Program>(new Dictionary<string, string>
        {
            ["ConnectionStrings:officesdb"] = await platform.Postgres.CreateDatabaseAsync("officesdb"),
            ["ConnectionStrings:messaging"] = platform.RabbitMq.TakeVirtualHost(),
        });
        Client = await StartAsync(Service);
    }

    /// <summary>Starts <paramref name="service"/> (migrating its database) and returns a client of it.</summary>
    public static async Task<HttpClient> StartAsync(ServiceFactory<Program> service)
    {
        ArgumentNullException.ThrowIfNull(service);
        await StartGate.WaitAsync();
        try
        {
            return service.CreateClient();
        }
        finally
        {
            StartGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Service.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
