using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Quartier.Testing;

/// <summary>
/// A service runs on its EF Core compiled model (services/&lt;Service&gt;/Data/CompiledModel, written by
/// services/optimize-model.sh) instead of building its model from the entity configurations at start.
/// Nothing at run time notices when the configurations change and the compiled model is not
/// regenerated: this compares the two.
/// </summary>
public static class CompiledModelCheck
{
    /// <summary>
    /// Index options only CREATE INDEX reads: the compiled model leaves them out (Npgsql's generator),
    /// while the model built at start keeps them.
    /// </summary>
    private static readonly string[] DesignTimeOnlyAnnotations =
    [
        "Npgsql:IndexMethod", "Npgsql:IndexOperators", "Npgsql:IndexSortOrder", "Npgsql:IndexNullSortOrder",
        "Npgsql:IndexInclude", "Npgsql:CreatedConcurrently", "Npgsql:NullsDistinct",
    ];

    /// <summary>
    /// Whether the service whose <paramref name="services"/> these are runs its <typeparamref name="TContext"/>
    /// on the compiled model <typeparamref name="TCompiledModel"/>, and where that differs from its
    /// entity configurations (see <see cref="Differences(DbContext)"/>). Empty when all is well.
    /// </summary>
    public static IReadOnlyList<string> Differences<TContext, TCompiledModel>(IServiceProvider services)
        where TContext : DbContext
        where TCompiledModel : RuntimeModel
    {
        using var scope = services.CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        return context.Model is TCompiledModel
            ? Differences(context)
            : [$"{typeof(TContext).Name} runs on a {context.Model.GetType().Name}, not on the compiled model {typeof(TCompiledModel).Name}"];
    }

    /// <summary>
    /// Where the model <paramref name="context"/> runs on differs from the one EF Core would build from
    /// the entity configurations without a compiled model: every line of their descriptions (entity
    /// types, properties, keys, navigations, indexes, annotations, the tables, columns and constraints
    /// they map to, and the code of value converters and comparers) that only one of them has. Empty
    /// when they agree.
    /// </summary>
    public static IReadOnlyList<string> Differences(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var running = context.Model;
        // The model built from OnModelCreating, in the read-optimized form a service would run on.
        var configured = context.GetService<IModelRuntimeInitializer>().Initialize(context.GetService<IDesignTimeModel>().Model, designTime: false);

        var runningLines = Describe(running);
        var configuredLines = Describe(configured);
        return [.. OnlyIn(runningLines, configuredLines, "compiled model only: "), .. OnlyIn(configuredLines, runningLines, "configurations only: ")];
    }

    /// <summary>The lines of <paramref name="these"/> missing from <paramref name="those"/>, without those whose parent is missing too.</summary>
    private static IEnumerable<string> OnlyIn(Dictionary<string, string?> these, Dictionary<string, string?> those, string prefix) =>
        these.Where(line => !those.ContainsKey(line.Key) && (line.Value is null || those.ContainsKey(line.Value))).Select(line => prefix + line.Key);

    /// <summary>
    /// The model's debug description, and its relational model's, one line per item, each prefixed
    /// with the items it is nested in (the description indents them), so that a line says where it
    /// is; with each line, the line it is nested in ("Annotations:" headings are no lines of their own).
    /// </summary>
    private static Dictionary<string, string?> Describe(IModel model)
    {
        var lines = new Dictionary<string, string?>();
        var path = new List<(string Text, string? Line)>();
        var text = model.ToDebugString(MetadataDebugStringOptions.LongDefault) + "\n"
            + model.GetRelationalModel().ToDebugString(MetadataDebugStringOptions.LongDefault);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var item = line.Trim();
            var depth = Math.Min((line.Length - line.TrimStart().Length) / 2, path.Count);
            path.RemoveRange(depth, path.Count - depth);
            var (parentText, parentLine) = depth == 0 ? (null, null) : path[^1];
            var qualified = parentText is null ? item : $"{parentText} > {item}";
            if (item == "Annotations:")
            {
                path.Add((qualified, parentLine));
            }
            else if (!DesignTimeOnlyAnnotations.Any(name => item.StartsWith(name + ":", StringComparison.Ordinal)))
            {
                path.Add((qualified, qualified));
                lines.TryAdd(qualified, parentLine);
            }
        }

        // Value converters and comparers run as code the description does not show.
        foreach (var property in model.GetEntityTypes().SelectMany(entityType => entityType.GetFlattenedProperties()))
        {
            var name = $"{property.DeclaringType.DisplayName()}.{property.Name}";
            if (property.GetValueConverter() is { } converter)
            {
                lines.TryAdd($"{name} converter: {converter.ConvertToProviderExpression} / {converter.ConvertFromProviderExpression}", null);
            }

            var comparer = property.GetValueComparer();
            lines.TryAdd($"{name} comparer: {comparer.EqualsExpression} / {comparer.HashCodeExpression} / {comparer.SnapshotExpression}", null);
        }

        return lines;
    }
}
