using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Quartier.Testing;

public static class ServiceFactory
{
    /// <summary>A client acting as <see cref="EveryOfficeStaff"/>: staff of every office <paramref name="knownOffices"/> names at each request.</summary>
    public static HttpClient CreateStaffClient<TEntryPoint>(
        this WebApplicationFactory<TEntryPoint> factory, string audience, Func<IServiceProvider, Task<IReadOnlyCollection<Guid>>> knownOffices)
        where TEntryPoint : class
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.CreateDefaultClient(new EveryOfficeStaff(audience, () => knownOffices(factory.Services)));
    }

    /// <summary>Creates the service's own database and virtual host and starts the service in the test process.</summary>
    public static async Task<ServiceFactory<TEntryPoint>> StartAsync<TEntryPoint>(PlatformInfrastructure platform, string serviceName)
        where TEntryPoint : class
    {
        var factory = new ServiceFactory<TEntryPoint>(await OwnResourcesAsync(platform, serviceName).ConfigureAwait(false));
        factory.StartServer();
        return factory;
    }

    /// <summary>
    /// Settings naming a new database and a virtual host of the service's own, as Aspire would inject
    /// them (<c>ConnectionStrings:{service}db</c>, <c>ConnectionStrings:messaging</c>), and trusting
    /// this run's <see cref="StaffTokens"/>, with <paramref name="more"/> (an SMTP server, say); add to them
    /// before starting the service when a test needs more.
    /// </summary>
    public static async Task<Dictionary<string, string>> OwnResourcesAsync(PlatformInfrastructure platform, string serviceName, IReadOnlyDictionary<string, string>? more = null)
    {
        ArgumentNullException.ThrowIfNull(platform);
        var settings = new Dictionary<string, string>(StaffTokens.Settings)
        {
            [$"ConnectionStrings:{serviceName}db"] = await platform.Postgres.CreateDatabaseAsync($"{serviceName}db").ConfigureAwait(false),
            ["ConnectionStrings:messaging"] = platform.RabbitMq.TakeVirtualHost(),
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return settings;
    }
}

/// <summary>
/// One service in the test process, against the real PostgreSQL and RabbitMQ of the test run, with
/// its own database and virtual host. Development mode: it applies its migrations at start.
/// </summary>
public sealed class ServiceFactory<TEntryPoint>(IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? testServices = null) : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    public string MessagingConnectionString => settings["ConnectionStrings:messaging"];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (testServices is not null)
        {
            builder.ConfigureTestServices(testServices);
        }
    }
}
