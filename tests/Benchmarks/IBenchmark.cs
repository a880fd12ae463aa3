namespace Quartier.Benchmarks;

/// <summary>A measurement that prints its figures; found by the runner through reflection.</summary>
public interface IBenchmark
{
    string Name { get; }

    string Description { get; }

    Task RunAsync(string[] args);
}
