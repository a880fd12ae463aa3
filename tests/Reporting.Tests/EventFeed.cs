using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartier.Reporting.Data;

namespace Quartier.Reporting.Tests;

/// <summary>
/// Plays the other services: publishes their integration events to reporting's virtual host of the
/// real broker, each with a message id as the outbox relay would set it.
/// </summary>
internal sealed class EventFeed : IAsyncDisposable
{
    private readonly IBusControl bus;
    private readonly IServiceProvider reporting;

    private EventFeed(string brokerAddress, IServiceProvider reporting)
    {
        bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(brokerAddress)));
        this.reporting = reporting;
    }

    public static async Task<EventFeed> StartAsync(string brokerAddress, IServiceProvider reporting)
    {
        var feed = new EventFeed(brokerAddress, reporting);
        await feed.bus.StartAsync(TestContext.Current.CancellationToken);
        return feed;
    }

    public async Task<Guid> PublishAsync<TEvent>(TEvent integrationEvent, Guid? messageId = null)
        where TEvent : class
    {
        var id = messageId ?? Guid.NewGuid();
        await bus.Publish(integrationEvent, integrationEvent.GetType(), context => context.MessageId = id, TestContext.Current.CancellationToken);
        return id;
    }

    /// <summary>Waits until the event log holds this many events (duplicates are never logged).</summary>
    public async Task WaitForLogAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (await CountLoggedAsync() < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The event log holds {await CountLoggedAsync()} events, not {count}.");
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public async Task<int> CountLoggedAsync()
    {
        await using var scope = reporting.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReportingDbContext>().EventLog.CountAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await bus.StopAsync();
}
