using System.Globalization;

namespace Quartier.Benchmarks;

/// <summary>Latency percentiles of a set of samples, printed the same way by every benchmark.</summary>
public sealed class Percentiles(IEnumerable<double> samplesInMilliseconds)
{
    private readonly double[] sorted = [.. samplesInMilliseconds.Order()];

    public int Count => sorted.Length;

    public double At(double percentile)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"n={Count} p50={At(50):0.00} ms p90={At(90):0.00} ms p99={At(99):0.00} ms max={At(100):0.00} ms");
}
