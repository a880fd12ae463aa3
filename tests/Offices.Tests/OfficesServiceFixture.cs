using Quartier.Testing;

namespace Quartier.Offices.Tests;

/// <summary>One Offices service (own database and virtual host) shared by the tests of a class.</summary>
public class OfficesServiceFixture(PlatformInfrastructure platform) : IAsyncLifetime
{
    public ServiceFactory<Program> Service { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public virtual async ValueTask InitializeAsync()
    {
        Service = new ServiceFactory<Program>(await ServiceFactory.OwnResourcesAsync(platform, "offices"));
        Client = Service.CreateStaffClient();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Service.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
