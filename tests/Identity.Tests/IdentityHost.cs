using MassTransit;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Quartier.Identity.Accounts;
using Quartier.Identity.Invitations;
using Quartier.Testing;

namespace Quartier.Identity.Tests;

/// <summary>The identity service in the test process against the real PostgreSQL and RabbitMQ, with the staff console and a machine client registered.</summary>
public sealed class IdentityHost : IAsyncDisposable
{
    public const string MachineClient = "reports-export";
    public const string MachineSecret = "a-long-machine-secret-of-this-test-run";
    public const string Password = "Sommerfest im Quartier 2026";

    private IdentityHost(ServiceFactory<Program> factory, Uri address)
    {
        Factory = factory;
        Address = address;
    }

    /// <summary>Where pages and links point: the in-memory server, or the real socket a browser uses.</summary>
    public Uri Address { get; }

    public ServiceFactory<Program> Factory { get; }

    public IServiceProvider Services => Factory.Services;

    /// <summary>Started in the test process; with <paramref name="kestrelPort"/>, also on a real socket (for the browser).</summary>
    public static async Task<IdentityHost> StartAsync(PlatformInfrastructure platform, int? kestrelPort = null)
    {
        var address = kestrelPort is { } port ? new Uri($"http://localhost:{port}/") : new Uri("http://localhost/");
        var settings = await ServiceFactory.OwnResourcesAsync(platform, "identity");
        settings["Identity:Clients:staff-console:RedirectUris:0"] = new Uri(address, "/staff/signin-oidc").ToString();
        settings[$"Identity:Clients:{MachineClient}:Secret"] = MachineSecret;
        var factory = new ServiceFactory<Program>(settings);
        if (kestrelPort is { } listening)
        {
            factory.UseKestrel(listening);
        }

        factory.StartServer();
        return new IdentityHost(factory, address);
    }

    /// <summary>A browser of its own: cookies kept, redirects shown.</summary>
    public HttpClient NewBrowser() => Factory.CreateDefaultClient(Address, new CookieContainerHandler());

    /// <summary>Invites a person as the service's own rules would, and returns the link.</summary>
    public async Task<string> InviteAsync(string email, string name, bool administrator = false, params (Guid OfficeId, OfficeRole Role)[] memberships)
    {
        await using var scope = Services.CreateAsyncScope();
        var (outcome, invitation) = await scope.ServiceProvider.GetRequiredService<StaffInvitations>().InviteAsync(null, email, name, administrator, memberships, Address);
        return outcome == InvitationOutcome.Sent ? invitation!.Link.ToString() : throw new InvalidOperationException($"{email}: {outcome}");
    }

    /// <summary>An account that took up its invitation and signed in with the code flow (and, for administrators, a second factor).</summary>
    public async Task<StaffSession> SignedInAsync(string email, bool administrator = false, params (Guid OfficeId, OfficeRole Role)[] memberships)
    {
        var link = await InviteAsync(email, email.Split('@')[0], administrator, memberships);
        await StaffSession.AcceptInvitationAsync(Address, link, Password, NewBrowser());
        return await StaffSession.SignInAsync(Address, email, Password, browser: NewBrowser());
    }

    public async Task PublishAsync<T>(T message, Guid messageId) where T : class
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(Factory.MessagingConnectionString)));
        await bus.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            await bus.Publish(message, context => context.MessageId = messageId, TestContext.Current.CancellationToken);
        }
        finally
        {
            await bus.StopAsync(TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
