namespace Quartier.Web.Api;

/// <summary>One call to a service by its name, as residents' pages and the staff console both make them.</summary>
public static class ServiceCalls
{
    /// <summary>The service's answer below 500; a 5xx, a timeout or no connection is <see cref="ServiceUnavailableException"/>.</summary>
    public static async Task<HttpResponseMessage> SendAsync(IHttpClientFactory clients, string service, HttpRequestMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clients);
        using (message)
        {
            try
            {
                var response = await clients.CreateClient(service).SendAsync(message, cancellationToken);
                if ((int)response.StatusCode >= 500)
                {
                    response.Dispose();
                    throw new ServiceUnavailableException(service);
                }

                return response;
            }
            catch (Exception exception) when (exception is HttpRequestException or TimeoutException or Polly.ExecutionRejectedException
                or TaskCanceledException { InnerException: TimeoutException })
            {
                throw new ServiceUnavailableException(service, exception);
            }
        }
    }
}
