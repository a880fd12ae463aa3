using System.Reflection;
using Quartier.Benchmarks;

// dotnet run --project tests/Benchmarks -c Release -- <name> [options]
// Prints figures; asserts nothing. Each benchmark starts what it measures on this machine.
var benchmarks = typeof(IBenchmark).Assembly.GetTypes()
    .Where(type => type is { IsClass: true, IsAbstract: false } && type.IsAssignableTo(typeof(IBenchmark)))
    .Select(type => (IBenchmark)Activator.CreateInstance(type)!)
    .OrderBy(benchmark => benchmark.Name, StringComparer.Ordinal)
    .ToList();

var chosen = benchmarks.SingleOrDefault(benchmark => args.Length > 0 && benchmark.Name == args[0]);
if (chosen is null)
{
    Console.WriteLine("usage: dotnet run --project tests/Benchmarks -c Release -- <benchmark> [options]");
    foreach (var benchmark in benchmarks)
    {
        Console.WriteLine($"  {benchmark.Name,-12} {benchmark.Description}");
    }

    return args.Length == 0 ? 0 : 2;
}

await chosen.RunAsync(args[1..]);
return 0;
