using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Quartier.ServiceDefaults.Http;

/// <summary>
/// No request of the platform means anything by a null inside a list or as a dictionary's value;
/// refusing it while reading (400 naming the field) spares every rule that walks a list from meeting
/// one. The nullability of elements is not visible at run time, so this is one rule for every request.
/// A contract modifier rather than a converter, so the OpenAPI schemas stay what they are.
/// </summary>
public static class CollectionsWithoutNulls
{
    public static void Refuse(JsonTypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var collections = typeInfo.Properties
            .Where(property => property.Get is not null && property.PropertyType != typeof(string) && property.PropertyType.IsAssignableTo(typeof(IEnumerable)))
            .ToArray();
        if (collections.Length == 0)
        {
            return;
        }

        var deserialized = typeInfo.OnDeserialized;
        typeInfo.OnDeserialized = value =>
        {
            foreach (var property in collections)
            {
                if (property.Get!(value) is IEnumerable collection && HoldsNull(collection))
                {
                    throw new JsonException($"'{property.Name}' holds null; leave the element out instead.");
                }
            }

            deserialized?.Invoke(value);
        };
    }

    private static bool HoldsNull(IEnumerable collection)
    {
        foreach (var element in collection is IDictionary dictionary ? dictionary.Values : collection)
        {
            if (element is null)
            {
                return true;
            }
        }

        return false;
    }
}
