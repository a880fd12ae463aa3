using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using Quartier.Contracts;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Quartier.Testing;

/// <summary>
/// A copy of every integration event the services publish, as the bytes another service would read:
/// one temporary queue of the real broker bound to the exchange of every contract type.
/// </summary>
public sealed class MessageTap : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> bodies = new();
    private readonly IConnection connection;
    private readonly IChannel channel;

    private MessageTap(IConnection connection, IChannel channel)
    {
        this.connection = connection;
        this.channel = channel;
    }

    /// <summary>Every message body received so far, one per line.</summary>
    public string Received => string.Join('\n', bodies);

    public int Count => bodies.Count;

    public static async Task<MessageTap> StartAsync(string brokerAddress, CancellationToken cancellationToken)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(brokerAddress) }.CreateConnectionAsync(cancellationToken).ConfigureAwait(false);
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var tap = new MessageTap(connection, channel);
        var queue = await channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var exchange in ContractExchanges())
        {
            // Declared as MassTransit declares publish exchanges, so whichever side comes first, both agree.
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken).ConfigureAwait(false);
            await channel.QueueBindAsync(queue.QueueName, exchange, string.Empty, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            tap.bodies.Enqueue(Encoding.UTF8.GetString(delivery.Body.Span));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer, cancellationToken).ConfigureAwait(false);
        return tap;
    }

    /// <summary>MassTransit's exchange names ("Namespace:Type") of every record the contracts define.</summary>
    private static IEnumerable<string> ContractExchanges() =>
        typeof(FieldsOfAction).Assembly.GetExportedTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null)
            .Select(type => $"{type.Namespace}:{type.Name}");

    public async ValueTask DisposeAsync()
    {
        await channel.DisposeAsync().ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
    }
}
