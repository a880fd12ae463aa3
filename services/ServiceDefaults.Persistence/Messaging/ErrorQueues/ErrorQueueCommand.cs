using System.Globalization;
using System.Text;
using System.Text.Json;
using RabbitMQ.Client;

namespace Quartier.ServiceDefaults.Messaging.ErrorQueues;

/// <summary>
/// The operators' tool for messages that failed every retry and landed in an <c>_error</c> queue:
/// <c>errors</c> lists them with the reason, <c>errors show ID</c> prints one, <c>errors requeue ID|--all</c>
/// moves them back to their input queue once the cause is fixed. Listing leaves every message in place.
/// </summary>
public sealed class ErrorQueueCommand(Uri brokerAddress, ServiceQueues queues, TextWriter output)
{
    public const string Verb = "errors";
    private const string Usage = "usage: errors [list | show <message-id> | requeue <message-id> | requeue --all]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var factory = new ConnectionFactory { Uri = brokerAddress, ClientProvidedName = "errors-command" };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        switch (args)
        {
            case [] or ["list"]:
                await ForEachFailedAsync(connection, (queue, message) =>
                {
                    output.WriteLine($"{queue}\t{message.Describe()}");
                    return Decision.Keep;
                }, cancellationToken);
                return 0;
            case ["show", var id]:
                var shown = await ForEachFailedAsync(connection, (queue, message) =>
                {
                    if (message.MessageId == id)
                    {
                        output.WriteLine($"queue: {queue}");
                        output.Write(message.Details());
                    }

                    return Decision.Keep;
                }, cancellationToken);
                return Found(shown, id);
            case ["requeue", var target]:
                var requeued = await ForEachFailedAsync(
                    connection,
                    (_, message) => target == "--all" || message.MessageId == target ? Decision.Requeue : Decision.Keep,
                    cancellationToken);
                output.WriteLine($"{requeued.Requeued} message(s) moved back to their input queue.");
                return target == "--all" ? 0 : Found(requeued, target);
            default:
                output.WriteLine(Usage);
                return 2;
        }
    }

    private int Found(Outcome outcome, string id)
    {
        if (outcome.Matched(id))
        {
            return 0;
        }

        output.WriteLine($"No failed message with id {id}.");
        return 1;
    }

    /// <summary>
    /// Takes every message of every error queue without acknowledging it, lets <paramref name="decide"/>
    /// look at it, republishes the ones to requeue (confirmed by the broker) and only then removes them;
    /// all others are returned to their error queue.
    /// </summary>
    private async Task<Outcome> ForEachFailedAsync(IConnection connection, Func<string, FailedMessage, Decision> decide, CancellationToken cancellationToken)
    {
        var outcome = new Outcome();
        foreach (var errorQueue in queues.ErrorQueues)
        {
            if (!await ExistsAsync(connection, errorQueue, cancellationToken))
            {
                continue;
            }

            await using var channel = await connection.CreateChannelAsync(
                new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
                cancellationToken);

            var inputQueue = errorQueue[..^ServiceQueues.ErrorSuffix.Length];
            while (await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken) is { } delivery)
            {
                var message = FailedMessage.From(delivery);
                outcome.Seen.Add(message.MessageId);
                if (decide(errorQueue, message) == Decision.Requeue)
                {
                    await channel.BasicPublishAsync(string.Empty, inputQueue, mandatory: true, new BasicProperties(delivery.BasicProperties), delivery.Body, cancellationToken);
                    await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);
                    outcome.Requeued++;
                }
            }

            // Closing the channel returns every unacknowledged message to the queue, in order.
        }

        return outcome;
    }

    private static async Task<bool> ExistsAsync(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        // A passive declare of a missing queue closes its channel, so it gets a channel of its own.
        await using var probe = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            await probe.QueueDeclarePassiveAsync(queue, cancellationToken);
            return true;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return false;
        }
    }

    private enum Decision
    {
        Keep,
        Requeue,
    }

    private sealed class Outcome
    {
        public HashSet<string> Seen { get; } = [];

        public int Requeued { get; set; }

        public bool Matched(string id) => Seen.Contains(id);
    }
}

/// <summary>A message as MassTransit left it in an error queue, with the fault it recorded.</summary>
public sealed record FailedMessage(string MessageId, string MessageType, string? FailedAt, string? ExceptionType, string? Reason, string Body)
{
    public static FailedMessage From(BasicGetResult delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var headers = delivery.BasicProperties.Headers ?? new Dictionary<string, object?>();
        var body = Encoding.UTF8.GetString(delivery.Body.Span);
        var (envelopeId, envelopeType) = ReadEnvelope(body);
        return new FailedMessage(
            delivery.BasicProperties.MessageId ?? envelopeId ?? "(no id)",
            envelopeType ?? delivery.BasicProperties.Type ?? "(unknown type)",
            Header(headers, "MT-Fault-Timestamp"),
            Header(headers, "MT-Fault-ExceptionType"),
            Header(headers, "MT-Fault-Message"),
            body);
    }

    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{MessageId}\t{MessageType}\t{FailedAt}\t{ExceptionType}: {Reason}");

    public string Details() => string.Create(
        CultureInfo.InvariantCulture,
        $"message id: {MessageId}\ntype: {MessageType}\nfailed at: {FailedAt}\nexception: {ExceptionType}\nreason: {Reason}\nbody:\n{Body}\n");

    private static string? Header(IDictionary<string, object?> headers, string name) =>
        headers.TryGetValue(name, out var value)
            ? value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                null => null,
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            }
            : null;

    /// <summary>MassTransit's JSON envelope names the message id and its message types (URNs).</summary>
    private static (string? Id, string? Type) ReadEnvelope(string body)
    {
        try
        {
            using var envelope = JsonDocument.Parse(body);
            var root = envelope.RootElement;
            var id = root.TryGetProperty("messageId", out var messageId) ? messageId.GetString() : null;
            var type = root.TryGetProperty("messageType", out var types) && types.ValueKind == JsonValueKind.Array && types.GetArrayLength() > 0
                ? types[0].GetString()
                : null;
            return (id, type);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
