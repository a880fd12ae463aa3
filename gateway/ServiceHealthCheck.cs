using System.Net.Http.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartier.ServiceDefaults.Health;

namespace Quartier.Gateway;

/// <summary>Asks a service behind the gateway for its readiness; a degraded service (its broker away) makes the gateway degraded, not unready.</summary>
public sealed class ServiceHealthCheck(IHttpClientFactory httpClients, Uri serviceAddress) : IHealthCheck
{
    public const string HttpClientName = "service-health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).GetAsync(new Uri(serviceAddress, "/health"), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return HealthCheckResult.Unhealthy($"{serviceAddress} answered {(int)response.StatusCode}");
            }

            var report = await response.Content.ReadFromJsonAsync<HealthStatusOnly>(HealthJson.Options, cancellationToken);
            return report?.Status == nameof(HealthStatus.Degraded)
                ? HealthCheckResult.Degraded($"{serviceAddress} is degraded")
                : HealthCheckResult.Healthy(serviceAddress.ToString());
        }
        catch (HttpRequestException exception)
        {
            return HealthCheckResult.Unhealthy($"{serviceAddress} is not reachable", exception);
        }
    }
}
