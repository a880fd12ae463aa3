using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace Quartier.AppHost;

/// <summary>
/// PostgreSQL (a database per service), RabbitMQ and an SMTP sink that keeps the mail to residents.
/// Where a container runtime answers, and when publishing, they are Aspire's containers (the sink:
/// Mailpit); where none does, Debian's servers run as executables (<c>local/*</c>). Either way each
/// service receives the same <c>ConnectionStrings__*</c> and <c>Mail__*</c> keys, and the data
/// survives a restart.
/// </summary>
internal sealed class Infrastructure
{
    private readonly Func<string, IResourceBuilder<IResourceWithConnectionString>> addDatabase;
    private readonly Dictionary<string, IResourceBuilder<IResourceWithConnectionString>> databases = [];

    private readonly Action<IResourceBuilder<ProjectResource>> sendMail;

    private Infrastructure(
        IResourceBuilder<IResource> databaseServer,
        Func<string, IResourceBuilder<IResourceWithConnectionString>> addDatabase,
        IResourceBuilder<IResource> broker,
        IResourceBuilder<IResourceWithConnectionString> messaging,
        Action<IResourceBuilder<ProjectResource>> sendMail)
    {
        DatabaseServer = databaseServer;
        this.addDatabase = addDatabase;
        Broker = broker;
        Messaging = messaging;
        this.sendMail = sendMail;
    }

    public IResourceBuilder<IResource> DatabaseServer { get; }

    public IResourceBuilder<IResource> Broker { get; }

    /// <summary>The <c>messaging</c> connection string: <c>amqp://user:password@host:port</c>.</summary>
    public IResourceBuilder<IResourceWithConnectionString> Messaging { get; }

    /// <summary>Lets a service send mail to residents: into the sink, with links to <paramref name="publicAddress"/>.</summary>
    public IResourceBuilder<ProjectResource> SendsMail(IResourceBuilder<ProjectResource> service, EndpointReference publicAddress)
    {
        sendMail(service);
        return service
            .WithEnvironment("Mail__Security", "None")
            .WithEnvironment("Mail__FromAddress", "buero@quartier.localhost")
            .WithEnvironment("Mail__PublicAddress", ReferenceExpression.Create($"{publicAddress}/"));
    }

    /// <summary>A service's own database, as connection string <paramref name="name"/>.</summary>
    public IResourceBuilder<IResourceWithConnectionString> Database(string name)
    {
        if (!databases.TryGetValue(name, out var database))
        {
            databases[name] = database = addDatabase(name);
        }

        return database;
    }

    public static Infrastructure Add(IDistributedApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection("Infrastructure");
        var mode = settings["Mode"] ?? "auto";
        var containers = builder.ExecutionContext.IsPublishMode
            || mode == "containers"
            || (mode == "auto" && ContainerRuntimeAnswers(builder.Configuration["ASPIRE_CONTAINER_RUNTIME"] ?? "docker"));
        return containers ? AddContainers(builder) : AddExecutables(builder, settings);
    }

    private static Infrastructure AddContainers(IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres("postgres").WithDataVolume();
        var rabbitMq = builder.AddRabbitMQ("messaging").WithDataVolume().WithManagementPlugin();
        var mail = builder.AddContainer("mail", "axllent/mailpit")
            .WithEndpoint(targetPort: 1025, name: "smtp")
            .WithHttpEndpoint(targetPort: 8025, name: "http");
        var smtp = mail.GetEndpoint("smtp");
        return new Infrastructure(
            postgres,
            name => postgres.AddDatabase(name),
            rabbitMq,
            rabbitMq,
            service => service
                .WithEnvironment("Mail__Host", smtp.Property(EndpointProperty.Host))
                .WithEnvironment("Mail__Port", smtp.Property(EndpointProperty.Port)));
    }

    private static Infrastructure AddExecutables(IDistributedApplicationBuilder builder, IConfigurationSection settings)
    {
        var dataDirectory = Path.GetFullPath(settings["DataDirectory"] ?? Path.Combine(builder.AppHostDirectory, "..", ".local", "aspire"));
        var scripts = Path.Combine(builder.AppHostDirectory, "local");
        var postgresPort = settings.GetValue("PostgresPort", 55432);
        var rabbitMqPort = settings.GetValue("RabbitMqPort", 55672);
        var managementPort = settings.GetValue("RabbitMqManagementPort", 15672);
        Directory.CreateDirectory(dataDirectory);

        var postgresSecret = StoredSecret(dataDirectory, "postgres.password");
        var postgresPassword = builder.AddParameter("postgres-password", postgresSecret, secret: true);
        var postgres = builder.AddExecutable("postgres", "bash", scripts, "postgres.sh", Path.Combine(dataDirectory, "postgres"), postgresPort.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("POSTGRES_PASSWORD", postgresPassword)
            .WithIconName("DatabaseMultiple")
            .WithHealthCheck("postgres_check");
        builder.Services.AddHealthChecks().AddNpgSql(
            $"Host=127.0.0.1;Port={postgresPort};Username=postgres;Password={postgresSecret};Database=postgres;Pooling=false;Timeout=3",
            name: "postgres_check");

        var rabbitMqSecret = StoredSecret(dataDirectory, "rabbitmq.password");
        var rabbitMqPassword = builder.AddParameter("messaging-password", rabbitMqSecret, secret: true);
        var rabbitMq = builder.AddExecutable("rabbitmq", "bash", scripts, "rabbitmq.sh", Path.Combine(dataDirectory, "rabbitmq"),
                rabbitMqPort.ToString(CultureInfo.InvariantCulture), managementPort.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("RABBITMQ_PASSWORD", rabbitMqPassword)
            .WithIconName("MailMultiple")
            .WithHealthCheck("rabbitmq_check");
        if (managementPort > 0)
        {
            rabbitMq.WithUrl(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{managementPort}"), "Management UI");
        }

        IConnection? brokerConnection = null;
        var brokerFactory = new ConnectionFactory { Uri = new Uri($"amqp://quartier:{rabbitMqSecret}@127.0.0.1:{rabbitMqPort}"), RequestedConnectionTimeout = TimeSpan.FromSeconds(3) };
        builder.Services.AddHealthChecks().AddRabbitMQ(
            async _ => brokerConnection is { IsOpen: true } open ? open : brokerConnection = await brokerFactory.CreateConnectionAsync(),
            name: "rabbitmq_check");

        var messaging = builder.AddConnectionString("messaging", expression => expression.Append(
            $"amqp://quartier:{rabbitMqPassword}@127.0.0.1:{rabbitMqPort.ToString(CultureInfo.InvariantCulture)}"));
        messaging.WithParentRelationship(rabbitMq);

        // Mail to residents is kept, never delivered: listed on the sink's page (its URL in the dashboard).
        var smtpPort = settings.GetValue("SmtpPort", 55025).ToString(CultureInfo.InvariantCulture);
        var mailPagePort = settings.GetValue("MailPagePort", 55026);
        builder.AddExecutable("mail", "/usr/bin/python3", scripts, "mail.py", Path.Combine(dataDirectory, "mail"), smtpPort, mailPagePort.ToString(CultureInfo.InvariantCulture))
            .WithIconName("Mail")
            .WithUrl(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{mailPagePort}"), "Mail sent");

        return new Infrastructure(
            postgres,
            name => builder.AddConnectionString(name, expression => expression.Append(
                    $"Host=127.0.0.1;Port={postgresPort.ToString(CultureInfo.InvariantCulture)};Username=postgres;Password={postgresPassword};Database={name}"))
                .WithParentRelationship(postgres),
            rabbitMq,
            messaging,
            service => service.WithEnvironment("Mail__Host", "127.0.0.1").WithEnvironment("Mail__Port", smtpPort));
    }

    /// <summary>A password generated on the first start and kept beside the data it protects.</summary>
    private static string StoredSecret(string dataDirectory, string fileName)
    {
        var path = Path.Combine(dataDirectory, fileName);
        if (!File.Exists(path))
        {
            File.WriteAllText(path, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return File.ReadAllText(path).Trim();
    }

    private static bool ContainerRuntimeAnswers(string runtime)
    {
        try
        {
            using var info = Process.Start(new ProcessStartInfo(runtime, "info")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (info is null)
            {
                return false;
            }

            if (!info.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                info.Kill(entireProcessTree: true);
                return false;
            }

            return info.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
