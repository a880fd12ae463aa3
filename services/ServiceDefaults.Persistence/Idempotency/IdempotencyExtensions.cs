using Microsoft.AspNetCore.Builder;

namespace Quartier.ServiceDefaults.Idempotency;

public static class IdempotencyExtensions
{
    /// <summary>Writes with an <c>Idempotency-Key</c> run once; repeats get the stored answer (see <see cref="IdempotencyMiddleware"/>).</summary>
    public static WebApplication UseIdempotentRequests(this WebApplication app)
    {
        app.UseMiddleware<IdempotencyMiddleware>();
        return app;
    }
}
