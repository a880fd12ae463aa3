// Quartier Platform: the one launcher and the one description of what runs and how it is wired.
// Every process receives the configuration contract (README, "Configuration"):
//   ConnectionStrings__<service>db and ConnectionStrings__messaging, services__<name>__http__0 for
//   the gateway, OTEL_* for the dashboard.
using Microsoft.Extensions.Configuration;
using Quartier.AppHost;

var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
{
    Args = args,
    DashboardApplicationName = "Quartier Platform",
});

var infrastructure = Infrastructure.Add(builder);

var services = new[]
{
    AddService<Projects.Offices>("offices"),
    AddService<Projects.Bookings>("bookings"),
    AddService<Projects.Engagement>("engagement"),
    AddService<Projects.Reporting>("reporting"),
};

// The only public entry: it starts once every service is healthy and routes /api/<name>/** to it.
var gateway = builder.AddProject<Projects.Gateway>("gateway", launchProfileName: "http")
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints();
foreach (var service in services)
{
    gateway.WithReference(service).WaitFor(service);
}

// The three real offices of the source documents, registered once by the offices' demo-data verb:
// started from the dashboard, or at start with --DemoData=true.
var demoData = builder.AddProject<Projects.Offices>("demo-data", launchProfileName: null)
    .WithArgs("demo-data")
    .WithReference(infrastructure.Database("officesdb"))
    .WithReference(infrastructure.Messaging)
    .WaitFor(services[0]);
if (!builder.Configuration.GetValue<bool>("DemoData"))
{
    demoData.WithExplicitStart();
}

builder.Build().Run();

// A service: its own database and the broker; ready when its /health answers 200. In Development it
// applies its migrations at start (creating its database), so no separate migration step runs here.
IResourceBuilder<ProjectResource> AddService<TProject>(string name)
    where TProject : IProjectMetadata, new() =>
    builder.AddProject<TProject>(name, launchProfileName: "http")
        .WithReference(infrastructure.Database($"{name}db"))
        .WithReference(infrastructure.Messaging)
        .WaitFor(infrastructure.DatabaseServer)
        .WaitFor(infrastructure.Broker)
        .WithHttpHealthCheck("/health");
