using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Quartier.ServiceDefaults.Messaging;

/// <summary>
/// Is the broker reachable? MassTransit's own check watches receive endpoints only, so a service that
/// merely publishes (through its outbox) would look healthy with the broker down.
/// </summary>
public sealed class RabbitMqHealthCheck(BrokerConnection broker) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await broker.GetAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("RabbitMQ is not reachable", exception);
        }
    }
}
