using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Quartier.EndToEnd.Tests.Fuzzing;

/// <summary>A parameter of an operation: where it goes and the schema of its value.</summary>
internal sealed record ApiParameter(string Name, string In, JsonObject Schema);

/// <summary>One operation of a service's OpenAPI document, with its <c>$ref</c>s resolvable.</summary>
internal sealed record ApiOperation(string Service, HttpMethod Method, string PathTemplate, IReadOnlyList<ApiParameter> Parameters, JsonObject? BodySchema, JsonObject Components)
{
    public override string ToString() => $"{Method} {PathTemplate}";

    /// <summary>The schema a <c>$ref</c> points to (<c>#/components/schemas/Name</c>), or the schema itself.</summary>
    public JsonObject Resolve(JsonObject schema)
    {
        var seen = 0;
        while (schema["$ref"]?.GetValue<string>() is { } reference && seen++ < 16)
        {
            var name = reference[(reference.LastIndexOf('/') + 1)..];
            schema = Components["schemas"]?[name] as JsonObject ?? [];
        }

        return schema;
    }

    /// <summary>Every operation of every service, as the gateway publishes their documents.</summary>
    public static async Task<IReadOnlyList<ApiOperation>> LoadAsync(HttpClient gateway, IEnumerable<string> services, CancellationToken cancellationToken)
    {
        var operations = new List<ApiOperation>();
        foreach (var service in services)
        {
            var document = (await gateway.GetFromJsonAsync<JsonObject>($"/openapi/{service}.json", cancellationToken))!;
            var components = document["components"] as JsonObject ?? [];
            foreach (var (path, item) in document["paths"]!.AsObject())
            {
                foreach (var (method, node) in item!.AsObject())
                {
                    if (node is not JsonObject operation || method == "parameters")
                    {
                        continue;
                    }

                    var parameters = (operation["parameters"] as JsonArray ?? [])
                        .OfType<JsonObject>()
                        .Select(parameter => new ApiParameter(
                            parameter["name"]!.GetValue<string>(),
                            parameter["in"]!.GetValue<string>(),
                            parameter["schema"] as JsonObject ?? []))
                        .ToList();
                    var body = operation["requestBody"]?["content"]?["application/json"]?["schema"] as JsonObject;
                    operations.Add(new ApiOperation(service, new HttpMethod(method.ToUpperInvariant()), path, parameters, body, components));
                }
            }
        }

        return operations;
    }
}
