using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Quartier.Testing;

namespace Quartier.EndToEnd.Tests;

/// <summary>
/// The whole platform as it runs in production, each part a separate process: PostgreSQL,
/// RabbitMQ, the four services (migrated by their <c>migrate</c> verb), the gateway, and an OTLP
/// receiver standing in for the Aspire dashboard.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public static readonly string[] ServiceNames = ["offices", "bookings", "engagement", "reporting"];

    /// <summary>
    /// How long a test waits for an event to show up in another service. Usually well under a second;
    /// on a loaded two-core CI machine a relay backing off after a fault test can take seconds, and a
    /// generous limit costs nothing when all is well.
    /// </summary>
    public static readonly TimeSpan ArrivalTimeout = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan HealthyTimeout = TimeSpan.FromSeconds(60);

    private readonly Dictionary<string, ServiceProcess> services = [];
    private readonly Dictionary<string, string> databases = [];

    public PostgresServer Postgres { get; private set; } = null!;

    public RabbitMqServer RabbitMq { get; private set; } = null!;

    public OtlpSink Telemetry { get; private set; } = null!;

    public ServiceProcess Gateway { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>What the gateway is started with, before the suite lifts its write limit: for tests that start a gateway of their own.</summary>
    public IReadOnlyDictionary<string, string> GatewayEnvironment { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, ServiceProcess> Services => services;

    /// <summary>Each service's own database, for tests that check what was stored, e.g. nothing twice.</summary>
    public IReadOnlyDictionary<string, string> Databases => databases;

    public async ValueTask InitializeAsync()
    {
        try
        {
            await StartPlatformAsync(TestContext.Current.CancellationToken);
        }
        catch
        {
            // A half-started platform must not outlive the test run.
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Polls the gateway until <paramref name="path"/> answers 200, as a resident refreshing a page would.</summary>
    public async Task<T> WaitForAsync<T>(string path, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
            if (response.IsSuccessStatusCode)
            {
                return (await response.Content.ReadFromJsonAsync<T>())!;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{path} still answers {(int)response.StatusCode} after {timeout.TotalSeconds} s.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Each process's health answer and last log lines: what an operator would look at first,
    /// attached to a failure so that a run on CI can be understood without repeating it.
    /// </summary>
    public async Task<string> DescribeProcessesAsync()
    {
        const int LastCharacters = 8000;
        var description = new StringBuilder();
        foreach (var process in services.Values.Append(Gateway))
        {
            string health;
            try
            {
                using var response = await Client.GetAsync(new Uri(process.BaseAddress, "/health"));
                health = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            catch (HttpRequestException exception)
            {
                health = exception.Message;
            }

            // Stack frames would crowd out the history that explains them.
            var output = string.Join('\n', process.Output.Split('\n').Where(line => !line.TrimStart().StartsWith("at ", StringComparison.Ordinal)));
            description.Append(CultureInfo.InvariantCulture, $"\n===== {process.Name}: /health {health}\n")
                .Append(output.Length > LastCharacters ? output[^LastCharacters..] : output);
        }

        return description.ToString();
    }

    private async Task StartPlatformAsync(CancellationToken cancellationToken)
    {
        var postgres = PostgresServer.StartAsync(cancellationToken);
        var rabbitMq = RabbitMqServer.StartAsync(cancellationToken);
        var telemetry = OtlpSink.StartAsync(cancellationToken);
        try
        {
            await Task.WhenAll(postgres, rabbitMq, telemetry);
        }
        finally
        {
            // Whatever did start is assigned, so that DisposeAsync stops it.
            Postgres = postgres.IsCompletedSuccessfully ? postgres.Result : null!;
            RabbitMq = rabbitMq.IsCompletedSuccessfully ? rabbitMq.Result : null!;
            Telemetry = telemetry.IsCompletedSuccessfully ? telemetry.Result : null!;
        }

        var started = await Task.WhenAll(ServiceNames.Select(name => StartServiceAsync(name, cancellationToken)));

        var gatewayEnvironment = TelemetryEnvironment("gateway");
        foreach (var service in started)
        {
            gatewayEnvironment[$"services__{service.Name}__http__0"] = service.BaseAddress.ToString();
        }

        GatewayEnvironment = new Dictionary<string, string>(gatewayEnvironment);
        Gateway = await ServiceProcess.StartAsync("gateway", ServiceProcess.AssemblyPath("gateway", "Gateway"), GatewayLimits.Lifted(gatewayEnvironment), cancellationToken);
        await Gateway.WaitHealthyAsync(HealthyTimeout);
        Client = new HttpClient { BaseAddress = Gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }

        foreach (var service in services.Values)
        {
            await service.DisposeAsync();
        }

        if (Telemetry is not null)
        {
            await Telemetry.DisposeAsync();
        }

        if (RabbitMq is not null)
        {
            await RabbitMq.DisposeAsync();
        }

        if (Postgres is not null)
        {
            await Postgres.DisposeAsync();
        }
    }

    private async Task<ServiceProcess> StartServiceAsync(string name, CancellationToken cancellationToken)
    {
        var assembly = char.ToUpperInvariant(name[0]) + name[1..];
        var dll = ServiceProcess.AssemblyPath($"services/{assembly}", assembly);
        var environment = TelemetryEnvironment(name);
        var database = await Postgres.CreateDatabaseAsync($"{name}db");
        lock (databases)
        {
            databases[name] = database;
        }

        environment[$"ConnectionStrings__{name}db"] = database;
        environment["ConnectionStrings__messaging"] = RabbitMq.ConnectionString;

        // Production mode: the schema comes from the migrate verb, as the Kubernetes job applies it.
        await ServiceProcess.RunToCompletionAsync(dll, "migrate", environment, TimeSpan.FromSeconds(60));

        var service = await ServiceProcess.StartAsync(name, dll, environment, cancellationToken);
        lock (services)
        {
            services[name] = service;
        }

        await service.WaitHealthyAsync(HealthyTimeout);
        return service;
    }

    private Dictionary<string, string> TelemetryEnvironment(string serviceName) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["OTEL_SERVICE_NAME"] = serviceName,
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Telemetry.Endpoint,
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        // Export spans promptly so the test does not wait for the default 5 s batch.
        ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
    };
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
