using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace Quartier.Engagement.Tests;

internal static class Json
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>As the services write JSON: camelCase, enums as strings.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// <summary>A request body from a valid default with some fields replaced (or set to null).</summary>
    public static JsonObject Merge(object valid, object? overrides)
    {
        var body = JsonSerializer.SerializeToNode(valid, Web)!.AsObject();
        if (overrides is not null)
        {
            foreach (var (key, value) in JsonSerializer.SerializeToNode(overrides, Web)!.AsObject())
            {
                body[key] = value?.DeepClone();
            }
        }

        return body;
    }

    /// <summary>Fails with the answer's body, so a wrong status explains itself.</summary>
    public static async Task EnsureStatusAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            response.StatusCode.Should().Be(expected, body);
        }
    }
}

internal sealed record ValidationProblem(int Status, string? Title, Dictionary<string, string[]> Errors);

internal sealed record Problem(int Status, string? Title, string? Detail);
