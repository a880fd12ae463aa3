using Xunit;

namespace Quartier.Testing;

/// <summary>
/// One PostgreSQL server and one RabbitMQ broker for a whole test assembly, so the test command needs
/// nothing started by hand. Register it with
/// <c>[assembly: AssemblyFixture(typeof(PlatformInfrastructure))]</c>; tests isolate themselves with
/// their own databases (<see cref="PostgresServer.CreateDatabaseAsync"/>) and queue names.
/// </summary>
public sealed class PlatformInfrastructure : IAsyncLifetime
{
    private PostgresServer? postgres;
    private RabbitMqServer? rabbitMq;

    public PostgresServer Postgres => postgres ?? throw NotInitialized();

    public RabbitMqServer RabbitMq => rabbitMq ?? throw NotInitialized();

    /// <summary>Starts both servers side by side: RabbitMQ takes seconds, PostgreSQL fits into that.</summary>
    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var postgresStart = PostgresServer.StartAsync(cancellationToken);
        var rabbitMqStart = RabbitMqServer.StartAsync(cancellationToken);
        try
        {
            await Task.WhenAll(postgresStart, rabbitMqStart).ConfigureAwait(false);
        }
        catch
        {
            // One of them failed; do not leave the other one running.
            if (postgresStart.IsCompletedSuccessfully)
            {
                await postgresStart.Result.DisposeAsync().ConfigureAwait(false);
            }

            if (rabbitMqStart.IsCompletedSuccessfully)
            {
                await rabbitMqStart.Result.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }

        postgres = await postgresStart.ConfigureAwait(false);
        rabbitMq = await rabbitMqStart.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(
            postgres?.DisposeAsync().AsTask() ?? Task.CompletedTask,
            rabbitMq?.DisposeAsync().AsTask() ?? Task.CompletedTask).ConfigureAwait(false);
    }

    private static InvalidOperationException NotInitialized() =>
        new("PlatformInfrastructure has not been initialized; register it as an xunit assembly fixture.");
}
