using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Quartier.ServiceDefaults.Http;

/// <summary>
/// What every operation's OpenAPI description says without each endpoint repeating it: a name (its
/// handler's, unless it declares one), and the problem answers the shared rules give it: 400 for input
/// no service accepts (every operation with parameters or a body), 401 and 403 where a staff token is
/// required, 503 when a dependency is down. What an endpoint answers besides, it declares itself.
/// </summary>
internal static class SharedOperationAnswers
{
    public static Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (operation.OperationId is null && metadata.OfType<MethodInfo>().FirstOrDefault() is { } handler && !handler.Name.Contains('<', StringComparison.Ordinal))
        {
            operation.OperationId = handler.Name;
        }

        operation.Responses ??= [];
        if (operation.Parameters is { Count: > 0 } || operation.RequestBody is not null)
        {
            Add(operation, "400", "The request could not be read, or holds a value that cannot be stored (problem details name it).");
        }

        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
        {
            Add(operation, "401", "No valid staff access token.");
            Add(operation, "403", "The token's roles or office memberships do not allow this.");
        }

        Add(operation, "503", "A dependency is down; nothing was changed. Try again after Retry-After.");
        return Task.CompletedTask;
    }

    /// <summary>Handlers of the same name in different features: the operation keeps its tag in front, so every name is unique.</summary>
    public static Task NameUniquelyAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var operations = document.Paths.Values.SelectMany(path => path.Operations?.Values.AsEnumerable() ?? []).ToList();
        foreach (var clash in operations.Where(operation => operation.OperationId is not null).GroupBy(operation => operation.OperationId).Where(group => group.Count() > 1))
        {
            foreach (var operation in clash)
            {
                var tag = operation.Tags?.FirstOrDefault()?.Name?.Replace(" ", string.Empty, StringComparison.Ordinal);
                operation.OperationId = $"{tag}{operation.OperationId}";
            }
        }

        return Task.CompletedTask;
    }

    private static void Add(OpenApiOperation operation, string status, string description) =>
        operation.Responses!.TryAdd(status, new OpenApiResponse { Description = description });
}
