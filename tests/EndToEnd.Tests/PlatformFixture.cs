using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartier.Testing;

namespace Quartier.EndToEnd.Tests;

/// <summary>
/// The whole platform started from the AppHost, as <c>dotnet run --project apphost</c> starts it:
/// PostgreSQL and RabbitMQ (Debian's servers as executables, in a throwaway directory on free ports),
/// the four services, the gateway and the Aspire dashboard, which receives every process's telemetry.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public static readonly string[] ServiceNames = ["offices", "bookings", "engagement", "reporting", "identity"];

    public const string AdministratorEmail = "admin@quartier.test";

    /// <summary>Long enough, not common: the password the suite's accounts set with their invitations.</summary>
    public const string Password = "Sommerfest im Quartier 2026";

    /// <summary>
    /// How long a test waits for an event to show up in another service. Usually well under a second;
    /// on a loaded two-core CI machine a relay backing off after a fault test can take seconds, and a
    /// generous limit costs nothing when all is well.
    /// </summary>
    public static readonly TimeSpan ArrivalTimeout = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    private readonly IsolatedInfrastructure infrastructure = IsolatedInfrastructure.Create();
    private readonly Dictionary<string, PlatformResource> services = [];
    private readonly Dictionary<string, string> databases = [];
    private DistributedApplication? app;

    public PlatformResource Postgres { get; private set; } = null!;

    public PlatformResource RabbitMq { get; private set; } = null!;

    public PlatformResource Gateway { get; private set; } = null!;

    /// <summary>Through the gateway, as the administrator who leads every office (see <see cref="StaffOfEveryOffice"/>).</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>The first administrator, invited by the operator verb and signed in with the code flow and a second factor.</summary>
    public StaffSession Administrator { get; private set; } = null!;

    /// <summary>The Aspire dashboard's login link (<c>/login?t=...</c>): where operators look, and where every process's telemetry arrives.</summary>
    public Uri DashboardLoginUrl { get; private set; } = null!;

    public DashboardTelemetry Telemetry { get; private set; } = null!;

    /// <summary>What a second gateway needs to reach the services: for tests that start a gateway of their own.</summary>
    public IReadOnlyDictionary<string, string> GatewayEnvironment { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, PlatformResource> Services => services;

    /// <summary>Each service's own database, for tests that check what was stored, e.g. nothing twice.</summary>
    public IReadOnlyDictionary<string, string> Databases => databases;

    public DistributedApplication App => app ?? throw new InvalidOperationException("The platform is not running.");

    /// <summary>The Maildir of the AppHost's SMTP sink: what Bookings and Engagement sent to residents.</summary>
    public string MailDirectory => infrastructure.MailDirectory;

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

    private async Task StartPlatformAsync(CancellationToken cancellationToken)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            new DistributedApplicationTestingBuilderOptions { EnableDashboard = true },
            infrastructure.AppHostArguments,
            cancellationToken);

        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            builder.CreateResourceBuilder(project).WithEnvironment(environment =>
            {
                // Export spans promptly so a test does not wait for the default 5 s batch.
                environment.EnvironmentVariables["OTEL_BSP_SCHEDULE_DELAY"] = "200";
                environment.EnvironmentVariables["OTEL_BLRP_SCHEDULE_DELAY"] = "200";
                environment.EnvironmentVariables["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
                if (project.Name == "gateway")
                {
                    // The suite writes far more often from one address than any resident; the limit is tested with a gateway of its own.
                    foreach (var (key, value) in GatewayLimits.Lifted([]))
                    {
                        environment.EnvironmentVariables[key] = value;
                    }
                }
            });
        }

        // The processes' own logs are in the dashboard; the test output keeps their warnings and errors.
        builder.Services.AddLogging(logging => logging.AddFilter("AppHost.Resources", LogLevel.Warning));
        app = await builder.BuildAsync(cancellationToken);
        using var starting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        starting.CancelAfter(StartTimeout);
        await app.StartAsync(starting.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", starting.Token);

        Postgres = new PlatformResource(app, "postgres");
        RabbitMq = new PlatformResource(app, "rabbitmq", await app.GetConnectionStringAsync("messaging", cancellationToken));
        Gateway = new PlatformResource(app, "gateway", baseAddress: app.GetEndpoint("gateway", "http"));
        var gatewayEnvironment = new Dictionary<string, string>();
        foreach (var name in ServiceNames)
        {
            var service = new PlatformResource(app, name, baseAddress: app.GetEndpoint(name, "http"));
            services[name] = service;
            databases[name] = (await app.GetConnectionStringAsync($"{name}db", cancellationToken))!;
            gatewayEnvironment[$"services__{name}__http__0"] = service.BaseAddress.ToString();
        }

        gatewayEnvironment["services__web__http__0"] = app.GetEndpoint("web", "http").ToString();
        GatewayEnvironment = gatewayEnvironment;
        var invitation = await RunVerbAsync("identity", $"invite-administrator {AdministratorEmail} Platform Administrator");
        await StaffSession.AcceptInvitationAsync(Gateway.BaseAddress, InvitationLink(invitation), Password);
        Administrator = await StaffSession.SignInAsync(Gateway.BaseAddress, AdministratorEmail, Password);
        Client = new HttpClient(new StaffOfEveryOffice(Administrator, Gateway.BaseAddress)) { BaseAddress = Gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        DashboardLoginUrl = await app.GetDashboardUrlAsync(cancellationToken);
        var token = System.Web.HttpUtility.ParseQueryString(DashboardLoginUrl.Query)["t"]!;
        Telemetry = await DashboardTelemetry.ConnectAsync(new Uri(DashboardLoginUrl.GetLeftPart(UriPartial.Authority)), token, cancellationToken);
    }

    /// <summary>The link an invitation verb printed.</summary>
    public static string InvitationLink(string output) =>
        output.Split('\n', StringSplitOptions.TrimEntries).Single(line => line.StartsWith("http", StringComparison.Ordinal));

    /// <summary>Runs one of a service's operator verbs (e.g. <c>errors list</c>) with the service's configuration.</summary>
    public Task<string> RunVerbAsync(string service, string arguments)
    {
        var assembly = char.ToUpperInvariant(service[0]) + service[1..];
        var environment = new Dictionary<string, string>
        {
            // Identity signs with keys from configuration outside Development; the suite's are the generated ones.
            ["ASPNETCORE_ENVIRONMENT"] = service == "identity" ? "Development" : "Production",
            [$"ConnectionStrings__{service}db"] = databases[service],
            ["ConnectionStrings__messaging"] = RabbitMq.ConnectionString,
        };
        return ServiceProcess.RunToCompletionAsync(ServiceProcess.AssemblyPath($"services/{assembly}", assembly), arguments, environment, TimeSpan.FromSeconds(60));
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
    /// Each resource's state and each service's health answer: what an operator would look at first,
    /// attached to a failure so that a run on CI can be understood without repeating it.
    /// </summary>
    public async Task<string> DescribeProcessesAsync()
    {
        var description = new StringBuilder();
        foreach (var resource in new[] { Postgres, RabbitMq, Gateway }.Concat(services.Values))
        {
            description.Append(CultureInfo.InvariantCulture, $"\n===== {resource.Name}: {resource.State}");
            if (resource.HasAddress)
            {
                try
                {
                    using var response = await Client.GetAsync(new Uri(resource.BaseAddress, "/health"));
                    description.Append(CultureInfo.InvariantCulture, $", /health {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
                catch (HttpRequestException exception)
                {
                    description.Append(CultureInfo.InvariantCulture, $", /health {exception.Message}");
                }
            }
        }

        return description.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        Telemetry?.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        infrastructure.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
