using System.Collections.Concurrent;
using MassTransit;

namespace Quartier.Testing;

public static class EventProbe
{
    /// <summary>Starts listening for <typeparamref name="TEvent"/> on the broker at <paramref name="brokerAddress"/>.</summary>
    public static async Task<EventProbe<TEvent>> StartAsync<TEvent>(string brokerAddress, CancellationToken cancellationToken = default)
        where TEvent : class
    {
        var probe = new EventProbe<TEvent>(brokerAddress);
        await probe.StartAsync(cancellationToken).ConfigureAwait(false);
        return probe;
    }
}

/// <summary>
/// A consumer of one integration event on its own temporary queue of the real broker: what another
/// service would receive. Tests wait on it to see an event really was published.
/// </summary>
public sealed class EventProbe<TEvent> : IAsyncDisposable where TEvent : class
{
    private readonly ConcurrentQueue<ConsumeContext<TEvent>> received = new();
    private readonly IBusControl bus;

    internal EventProbe(string brokerAddress)
    {
        bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(brokerAddress));
            rabbit.ReceiveEndpoint($"probe-{typeof(TEvent).Name}-{Guid.NewGuid():N}", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                endpoint.Handler<TEvent>(context =>
                {
                    received.Enqueue(context);
                    return Task.CompletedTask;
                });
            });
        });
    }

    public IReadOnlyList<ConsumeContext<TEvent>> Received => [.. received];

    internal Task StartAsync(CancellationToken cancellationToken) => bus.StartAsync(cancellationToken);

    /// <summary>The first received event that matches, or a timeout naming what did arrive.</summary>
    public async Task<ConsumeContext<TEvent>> WaitForAsync(Func<TEvent, bool> match, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(match);
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var found = received.FirstOrDefault(context => match(context.Message));
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(25).ConfigureAwait(false);
        }

        throw new TimeoutException($"No matching {typeof(TEvent).Name} within {timeout.TotalSeconds} s; received {received.Count}.");
    }

    public async ValueTask DisposeAsync() => await bus.StopAsync().ConfigureAwait(false);
}
