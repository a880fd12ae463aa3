namespace Quartier.Testing;

/// <summary>The gateway's write rate limit, as test suites and benchmarks need it.</summary>
public static class GatewayLimits
{
    public const string WritesPerMinute = "RateLimiting__WritesPerMinute";
    public const string WriteBurst = "RateLimiting__WriteBurst";
    public const string SignInsPerMinute = "RateLimiting__SignInsPerMinute";

    /// <summary>
    /// A suite or benchmark writes far more often from one address than any resident; the limit
    /// itself is tested with a gateway of its own.
    /// </summary>
    public static Dictionary<string, string> Lifted(Dictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        environment[WritesPerMinute] = environment[WriteBurst] = environment[SignInsPerMinute] = "1000000";
        return environment;
    }
}
