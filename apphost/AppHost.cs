// Quartier Platform: the Aspire AppHost. Starts everything a developer or operator needs on one
// machine and wires up the configuration every service reads on every platform:
//   ConnectionStrings__officesdb / bookingsdb / engagementdb / reportingdb, ConnectionStrings__messaging,
//   services__offices__http__0 (and the other three, for the gateway), OTEL_* (to the dashboard).

var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
{
    Args = args,
    DashboardApplicationName = "Quartier Platform",
});

// PostgreSQL: one server, one database per service; Aspire creates the databases when the server
// is ready. No user or password arguments, so Aspire generates the password as a secret parameter
// (postgres-password) and keeps it in the AppHost's user secrets (see UserSecretsId in
// AppHost.csproj). The data volume keeps the data between runs. pgAdmin is set up with this server.
var postgres = builder.AddPostgres("postgres")
    .WithDataVolume()
    .WithPgAdmin();

var officesDb = postgres.AddDatabase("officesdb");
var bookingsDb = postgres.AddDatabase("bookingsdb");
var engagementDb = postgres.AddDatabase("engagementdb");
var reportingDb = postgres.AddDatabase("reportingdb");

// RabbitMQ for the integration events (MassTransit). Generated password (messaging-password), user
// "guest". The data volume keeps queues, including the _error queues, between runs (Aspire also gives
// the node a stable name so that they are found again). The management UI shows up in the dashboard
// as the "management" endpoint.
var messaging = builder.AddRabbitMQ("messaging")
    .WithDataVolume()
    .WithManagementPlugin();

// The services. Each one gets its own database and the broker, starts only when both are healthy,
// and counts as healthy when its /health (database and broker reachable) answers 200. In Development
// each service applies its own EF Core migrations at start, so no separate migration step is needed.
var offices = AddService<Projects.Offices>("offices", officesDb);
var bookings = AddService<Projects.Bookings>("bookings", bookingsDb);
var engagement = AddService<Projects.Engagement>("engagement", engagementDb);
var reporting = AddService<Projects.Reporting>("reporting", reportingDb);

// The gateway: the only public entry. Its references to the services by name are what produce
// services__offices__http__0 etc., which it reads for its YARP clusters. It starts once all four are
// healthy; its own /health aggregates theirs.
builder.AddProject<Projects.Gateway>("gateway", launchProfileName: "http")
    .WithReference(offices)
    .WithReference(bookings)
    .WithReference(engagement)
    .WithReference(reporting)
    .WaitFor(offices)
    .WaitFor(bookings)
    .WaitFor(engagement)
    .WaitFor(reporting)
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints();

builder.Build().Run();

// Every service is wired the same way. The "http" launch profile (Properties/launchSettings.json of
// the service) is named explicitly: its applicationUrl becomes the endpoint called "http", which is
// where the __http__ in services__<name>__http__0 comes from. The endpoint is not declared again here.
IResourceBuilder<ProjectResource> AddService<TProject>(string name, IResourceBuilder<PostgresDatabaseResource> database)
    where TProject : IProjectMetadata, new() =>
    builder.AddProject<TProject>(name, launchProfileName: "http")
        .WithReference(database)
        .WithReference(messaging)
        .WaitFor(database)
        .WaitFor(messaging)
        .WithHttpHealthCheck("/health");
