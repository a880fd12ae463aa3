using Quartier.Testing;

namespace Quartier.Offices.Tests;

/// <summary>One Offices service (own database and virtual host) shared by the tests of a class.</summary>
public class OfficesServiceFixture(PlatformInfrastructure platform) : IAsyncLifetime
{
    public ServiceFactory<Program> Service { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public virtual async ValueTask InitializeAsync()
    {
        Service = new ServiceFactory<Program>(new Dictionary<string, string>
        {
            ["ConnectionStrings:officesdb"] = await platform.Postgres.CreateDatabaseAsync("officesdb"),
            ["ConnectionStrings:messaging"] = platform.RabbitMq.TakeVirtualHost(),
        });
        Client = Service.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Service.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
