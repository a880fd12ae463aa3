using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace Quartier.ServiceDefaults.Messaging;

/// <summary>
/// Is the broker reachable? MassTransit's own check watches receive endpoints only, so a service that
/// merely publishes (through its outbox) would look healthy with the broker down. One connection is
/// kept open and re-established on demand, so probing stays cheap.
/// </summary>
public sealed class RabbitMqHealthCheck(Uri brokerAddress) : IHealthCheck, IAsyncDisposable
{
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private IConnection? _connection;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (_connection is { IsOpen: true })
        {
            return HealthCheckResult.Healthy();
        }

        await _connecting.WaitAsync(cancellationToken);
        try
        {
            if (_connection is not { IsOpen: true })
            {
                if (_connection is not null)
                {
                    await _connection.DisposeAsync();
                    _connection = null;
                }

                var factory = new ConnectionFactory
                {
                    Uri = brokerAddress,
                    ClientProvidedName = "health-check",
                    AutomaticRecoveryEnabled = false,
                    RequestedConnectionTimeout = TimeSpan.FromSeconds(2),
                };
                _connection = await factory.CreateConnectionAsync(cancellationToken);
            }

            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("RabbitMQ is not reachable", exception);
        }
        finally
        {
            _connecting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _connecting.Dispose();
    }
}
