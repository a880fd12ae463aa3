using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Quartier.ServiceDefaults.Messaging.ErrorQueues;
using Quartier.ServiceDefaults.Telemetry;

namespace Quartier.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    public const string ConnectionName = "messaging";

    /// <summary>
    /// MassTransit over RabbitMQ from <c>ConnectionStrings:messaging</c> (an <c>amqp://</c> URI, as Aspire injects it).
    /// Queues are prefixed with the service name so that each service receives its own copy of an event.
    /// </summary>
    public static TBuilder AddMessaging<TBuilder>(this TBuilder builder, Action<IBusRegistrationConfigurator>? configureConsumers = null)
        where TBuilder : IHostApplicationBuilder
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not configured (an amqp:// URI of RabbitMQ).");
        }

        var brokerAddress = new Uri(connectionString);
        var serviceName = builder.Environment.ApplicationName.ToLowerInvariant();
        var quorumQueues = builder.Configuration.GetValue<bool>("Messaging:QuorumQueues");
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            configureConsumers?.Invoke(bus);
            if (quorumQueues)
            {
                // Replicated across the nodes of a RabbitMQ cluster (production); a single node keeps classic queues.
                bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
                {
                    if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbitEndpoint)
                    {
                        rabbitEndpoint.SetQuorumQueue();
                    }
                });
            }

            // The outbox keeps every write while the broker is away: the service stays ready, degraded.
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.MinimalFailureStatus = HealthStatus.Degraded;
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(brokerAddress);
                // Transient failures (a deadlock, a restarting database) heal within seconds; after that
                // the message goes to its _error queue with the exception, and the ones behind it go on.
                rabbit.UseMessageRetry(retry => retry.Exponential(
                    retryLimit: 5,
                    minInterval: TimeSpan.FromMilliseconds(200),
                    maxInterval: TimeSpan.FromSeconds(5),
                    intervalDelta: TimeSpan.FromMilliseconds(300)));
                rabbit.ConfigureEndpoints(context);
            });
        });

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddTransient<ServiceQueues>();
        builder.Services.AddSingleton(new BrokerConnection(brokerAddress));
        builder.Services.AddHealthChecks().AddRabbitMQ(
            services => services.GetRequiredService<BrokerConnection>().GetAsync(CancellationToken.None),
            name: "broker",
            failureStatus: HealthStatus.Degraded);
        builder.Services.AddTelemetrySources("MassTransit");
        builder.Services.AddHostedService<ErrorQueueGauge>();

        // Without this, a publish right after start can race the binding of the queues.
        builder.Services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = true);
        return builder;
    }
}
