using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Quartier.Testing;

/// <summary>An endpoint that requires a named policy, with a request that reaches it.</summary>
public sealed record ProtectedEndpoint(string Method, string Pattern, string Policy)
{
    public bool NamesOfficeInRoute => Pattern.Contains("{officeId", StringComparison.Ordinal);

    /// <summary>A request for this endpoint about <paramref name="officeId"/>, every other id made up, with an empty JSON body.</summary>
    public HttpRequestMessage Request(Guid officeId, string? token)
    {
        var path = Regex.Replace(Pattern, @"\{\*{0,2}(?<name>\w+)(:(?<constraint>[^}]+))?\}", match => match.Groups["name"].Value switch
        {
            "officeId" => officeId.ToString(),
            var name when match.Groups["constraint"].Value == "guid" || name.EndsWith("Id", StringComparison.Ordinal) || name == "id" => Guid.NewGuid().ToString(),
            var name when name.Contains("date", StringComparison.OrdinalIgnoreCase) || name == "validFrom" => "2027-01-04",
            _ when match.Groups["constraint"].Value == "int" => "2027",
            _ => "x",
        });
        var request = new HttpRequestMessage(new HttpMethod(Method), $"{path}?officeId={officeId}&date=2027-01-04");
        if (Method is not "GET" and not "DELETE")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    public override string ToString() => $"{Method} {Pattern} ({Policy})";
}

/// <summary>
/// Every endpoint a service maps makes an explicit choice: open to anyone (<c>AllowAnonymous</c>) or
/// protected by a named policy. The services' authorization tests walk them all.
/// </summary>
public static class EndpointChoices
{
    /// <summary>Endpoints that are neither public nor protected by a named policy.</summary>
    public static IReadOnlyList<string> WithoutChoice(IServiceProvider services) =>
        [.. Routes(services).Where(endpoint => endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null && Policy(endpoint) is null).Select(Describe)];

    public static IReadOnlyList<ProtectedEndpoint> Protected(IServiceProvider services) =>
        [.. Routes(services)
            .Where(endpoint => endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null && Policy(endpoint) is not null)
            .SelectMany(endpoint => Methods(endpoint).Select(method => new ProtectedEndpoint(method, endpoint.RoutePattern.RawText!, Policy(endpoint)!)))];

    public static IReadOnlyList<string> Public(IServiceProvider services) =>
        [.. Routes(services).Where(endpoint => endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(Describe)];

    private static IEnumerable<RouteEndpoint> Routes(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    private static string? Policy(Endpoint endpoint) =>
        endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(data => data.Policy).LastOrDefault(policy => policy is not null);

    private static IEnumerable<string> Methods(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];

    private static string Describe(RouteEndpoint endpoint) =>
        $"{string.Join(',', Methods(endpoint))} {endpoint.RoutePattern.RawText}";
}
