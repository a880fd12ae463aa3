using MassTransit;
using MassTransit.Configuration;

namespace Quartier.ServiceDefaults.Messaging.ErrorQueues;

/// <summary>The receive queues of this service's consumers and, beside each, MassTransit's <c>_error</c> queue.</summary>
public sealed class ServiceQueues(IEnumerable<IConsumerRegistration> consumers, IBusRegistrationContext registration, IEndpointNameFormatter formatter)
{
    public const string ErrorSuffix = "_error";

    public IReadOnlyList<string> InputQueues { get; } =
        [.. consumers.Select(consumer => consumer.GetDefinition(registration).GetEndpointName(formatter)).Distinct().Order(StringComparer.Ordinal)];

    public IEnumerable<string> ErrorQueues => InputQueues.Select(queue => queue + ErrorSuffix);
}
