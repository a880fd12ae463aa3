using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Quartier.ServiceDefaults.Persistence;

/// <summary>
/// Stores a value object graph as one jsonb value in the entity's row, so that the row version (xmin)
/// covers it; changes are detected by comparing the JSON.
/// </summary>
/// <remarks>
/// The lambdas use <see cref="JsonSerializerOptions.Web"/> rather than options of our own in a private
/// field: a service's compiled model (Data/CompiledModel) repeats them in generated code, which can
/// read only public members.
/// </remarks>
public static class JsonColumns
{
    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property
            .HasColumnType("jsonb")
            .HasConversion(
                value => JsonSerializer.Serialize(value, JsonSerializerOptions.Web),
                json => JsonSerializer.Deserialize<T>(json, JsonSerializerOptions.Web)!,
                new ValueComparer<T>(
                    (left, right) => JsonSerializer.Serialize(left, JsonSerializerOptions.Web) == JsonSerializer.Serialize(right, JsonSerializerOptions.Web),
                    value => JsonSerializer.Serialize(value, JsonSerializerOptions.Web).GetHashCode(StringComparison.Ordinal),
                    value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, JsonSerializerOptions.Web), JsonSerializerOptions.Web)!));
    }
}
