using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quartier.Bookings.Tests.Support;

public static class Json
{
    /// <summary>As the service speaks: camelCase, enums as strings.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}
