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

// Staff accounts and the OpenID Connect provider: every service validates its tokens.
var identity = AddService<Projects.Identity>("identity");

var services = new[]
{
    AddService<Projects.Offices>("offices").WithReference(identity),
    AddService<Projects.Bookings>("bookings").WithReference(identity),
    AddService<Projects.Engagement>("engagement").WithReference(identity),
    AddService<Projects.Reporting>("reporting").WithReference(identity),
    identity,
};

// The pages residents use and the staff console: they call the services' APIs, and own no data.
var web = builder.AddProject<Projects.Web>("web", launchProfileName: "http")
    .WithReference(services[0])
    .WithReference(services[1])
    .WithReference(services[2])
    .WithReference(services[3])
    .WithReference(identity)
    .WithHttpHealthCheck("/health");

// The only public entry: it starts once every service is healthy and routes /api/<name>/** to it,
// the sign-in pages and OpenID Connect endpoints to identity, and every other path to web.
var gateway = builder.AddProject<Projects.Gateway>("gateway", launchProfileName: "http")
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints();
foreach (var service in services.Append(web))
{
    gateway.WithReference(service).WaitFor(service);
}

// Tokens name the public address as issuer; the staff console signs in through it.
var publicAddress = gateway.GetEndpoint("http");
identity
    .WithEnvironment("Identity__Issuer", ReferenceExpression.Create($"{publicAddress}/"))
    .WithEnvironment("Identity__Clients__staff-console__DisplayName", "Staff console")
    .WithEnvironment("Identity__Clients__staff-console__RedirectUris__0", ReferenceExpression.Create($"{publicAddress}/staff/signin-oidc"))
    .WithEnvironment("Identity__Clients__staff-console__PostLogoutRedirectUris__0", ReferenceExpression.Create($"{publicAddress}/"));
web.WithEnvironment("StaffConsole__Authority", ReferenceExpression.Create($"{publicAddress}/"));

// Bookings and Engagement write to residents, Offices forwards barrier reports to offices; locally
// the mail lands in the sink ("mail").
infrastructure.SendsMail(services[0], publicAddress);
infrastructure.SendsMail(services[1], publicAddress);
infrastructure.SendsMail(services[2], publicAddress);

// The first administrator: an invitation link in this resource's log (started with --AdministratorEmail=...).
if (builder.Configuration["AdministratorEmail"] is { Length: > 0 } administratorEmail)
{
    builder.AddProject<Projects.Identity>("invite-administrator", launchProfileName: null)
        .WithArgs("invite-administrator", administratorEmail, builder.Configuration["AdministratorName"] ?? "Administrator")
        .WithReference(infrastructure.Database("identitydb"))
        .WithReference(infrastructure.Messaging)
        .WithEnvironment("Identity__Issuer", ReferenceExpression.Create($"{publicAddress}/"))
        .WaitFor(identity);
}

// The three real offices of the source documents, registered once by the offices' demo-data verb:
// started from the dashboard, or at start with --DemoData=true.
var demoData = builder.AddProject<Projects.Offices>("demo-data", launchProfileName: null)
    .WithArgs("demo-data")
    .WithReference(infrastructure.Database("officesdb"))
    .WithReference(infrastructure.Messaging)
    .WaitFor(services[0]);
// The Stadtteilbüro Südstadt's hours, appointments (in person, by phone, by video) and callback windows
// as its own page describes them, once Bookings knows the office: a newcomer can book at once.
var demoBookings = builder.AddProject<Projects.Bookings>("demo-bookings", launchProfileName: null)
    .WithArgs("demo-data")
    .WithReference(infrastructure.Database("bookingsdb"))
    .WithReference(infrastructure.Messaging)
    .WaitFor(services[1])
    .WaitForCompletion(demoData);
// And a lead, a member of staff and a coordinator for each of them (identity's demo-data verb; local runs only).
var demoStaff = builder.AddProject<Projects.Identity>("demo-staff", launchProfileName: null)
    .WithArgs("demo-data")
    .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
    .WithReference(infrastructure.Database("identitydb"))
    .WithReference(infrastructure.Messaging)
    .WaitFor(identity);
if (!builder.Configuration.GetValue<bool>("DemoData"))
{
    demoData.WithExplicitStart();
    demoBookings.WithExplicitStart();
    demoStaff.WithExplicitStart();
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
