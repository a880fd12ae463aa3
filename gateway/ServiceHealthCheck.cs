using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Quartier.Gateway;

/// <summary>Asks a service behind the gateway for its readiness (its own database and broker checks).</summary>
public sealed class ServiceHealthCheck(IHttpClientFactory httpClients, Uri serviceAddress) : IHealthCheck
{
    public const string HttpClientName = "service-health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).GetAsync(new Uri(serviceAddress, "/health"), cancellationToken);
            var report = await response.Content.ReadAsStringAsync(cancellationToken);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy(serviceAddress.ToString())
                : HealthCheckResult.Unhealthy($"{serviceAddress} answered {(int)response.StatusCode}: {report}");
        }
        catch (HttpRequestException exception)
        {
            return HealthCheckResult.Unhealthy($"{serviceAddress} is not reachable", exception);
        }
    }
}
