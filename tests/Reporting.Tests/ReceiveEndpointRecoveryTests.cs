using FluentAssertions;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Quartier.Contracts.Offices;
using Quartier.Reporting.EventLog;
using Quartier.ServiceDefaults.Messaging;
using Quartier.Testing;

namespace Quartier.Reporting.Tests;

/// <summary>
/// A receive endpoint that stopped receiving while the broker is fine (as MassTransit 8.4 leaves one
/// after some connection losses) must not stay stopped: its events would wait unseen in the queue and
/// the reports would silently fall behind.
/// </summary>
public sealed class ReceiveEndpointRecoveryTests(PlatformInfrastructure platform)
{
    [Fact]
    public async Task An_endpoint_that_stopped_receiving_is_restarted_and_the_events_waiting_for_it_are_counted()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var reporting = await ServiceFactory.StartAsync<Program>(platform, "reporting");
        await using var feed = await EventFeed.StartAsync(reporting.MessagingConnectionString, reporting.Services);
        var bus = reporting.Services.GetRequiredService<IBusControl>();
        var eventLog = EventLogEndpoint(bus);

        await eventLog.ReceiveEndpoint.Stop(cancellationToken);
        var logged = await feed.CountLoggedAsync();
        await feed.PublishAsync(new OfficeRegistered(
            Guid.NewGuid(), "Treffpunkt am Markt", "Treffpunkt", "Markt 1", "31655", "Stadthagen", "DE-NI", "Europe/Berlin", DateTimeOffset.UtcNow));

        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        (await feed.CountLoggedAsync()).Should().Be(logged, "the stopped endpoint leaves the event in its queue");
        EventLogEndpoint(bus).Status.Should().NotBe(BusHealthStatus.Healthy);

        await feed.WaitForLogAsync(logged + 1, BusRecovery.GivenUpAfter + BusRecovery.CheckInterval + TimeSpan.FromSeconds(15));
        EventLogEndpoint(bus).Status.Should().Be(BusHealthStatus.Healthy);
    }

    private static EndpointHealthResult EventLogEndpoint(IBusControl bus) =>
        bus.CheckHealth().Endpoints.Values.Single(endpoint => endpoint.InputAddress.AbsolutePath.EndsWith(ReportedEvents.EndpointName, StringComparison.Ordinal));
}
