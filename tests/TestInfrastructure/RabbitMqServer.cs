using System.Globalization;
using Quartier.Testing.Internal;

namespace Quartier.Testing;

/// <summary>
/// A real RabbitMQ broker for tests: a throwaway node started from the system package on free loopback
/// ports, or the broker named by <c>QUARTIER_TEST_RABBITMQ</c> when that is set.
/// </summary>
public sealed class RabbitMqServer : IAsyncDisposable
{
    /// <summary>An amqp:// URI of an existing broker, which is then used instead.</summary>
    public const string ExternalServerVariable = "QUARTIER_TEST_RABBITMQ";

    private readonly RabbitMqNode? node;
    private int virtualHostsTaken;

    private RabbitMqServer(string connectionString, RabbitMqNode? node)
    {
        ConnectionString = connectionString;
        this.node = node;
    }

    /// <summary><c>amqp://guest:guest@127.0.0.1:PORT</c>: RabbitMQ admits guest from loopback, and the default vhost is used.</summary>
    public string ConnectionString { get; }

    public static async Task<RabbitMqServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var external = Environment.GetEnvironmentVariable(ExternalServerVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new RabbitMqServer(external, node: null);
        }

        var node = await RabbitMqNode.CreateAsync(cancellationToken).ConfigureAwait(false);
        return new RabbitMqServer(string.Create(CultureInfo.InvariantCulture, $"amqp://guest:guest@127.0.0.1:{node.AmqpPort}"), node);
    }

    /// <summary>Stops the broker (data is kept), to test how services ride out a broker outage.</summary>
    /// <summary>
    /// A virtual host of its own for one test class: its services' queues and exchanges cannot meet
    /// those of tests running in parallel. The broker defines them at boot; with an external broker the
    /// shared default vhost is used.
    /// </summary>
    public string TakeVirtualHost()
    {
        if (node is null)
        {
            return ConnectionString;
        }

        var number = Interlocked.Increment(ref virtualHostsTaken);
        return number <= RabbitMqNode.IsolatedVirtualHosts
            ? $"{ConnectionString}/{RabbitMqNode.IsolatedVirtualHost(number)}"
            : throw new InvalidOperationException($"All {RabbitMqNode.IsolatedVirtualHosts} isolated virtual hosts of this broker are taken.");
    }

    public Task StopAsync() => OwnedNode().StopAsync();

    /// <summary>Starts the stopped broker again on the same ports and waits until it accepts connections.</summary>
    public Task StartAgainAsync() => OwnedNode().StartAsync(CancellationToken.None);

    /// <summary>Stops our own broker, its epmd, and deletes its files; an external broker is left alone.</summary>
    public async ValueTask DisposeAsync()
    {
        if (node is not null)
        {
            await node.DestroyAsync().ConfigureAwait(false);
        }
    }

    private RabbitMqNode OwnedNode() =>
        node ?? throw new NotSupportedException(
            $"Stopping the broker needs one started by the tests; unset {ExternalServerVariable} to run outage tests.");
}
