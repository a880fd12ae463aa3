using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Quartier.ServiceDefaults.Http;

public static class HttpConventions
{
    /// <summary>
    /// JSON in camelCase with enums as strings, only text a database can store and no nulls inside lists; RFC 9457 problem details for every error,
    /// carrying the trace id so a resident's report can be found in the dashboard.
    /// </summary>
    public static TBuilder AddHttpConventions<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            options.SerializerOptions.Converters.Add(new StorableText.Converter());
            options.SerializerOptions.TypeInfoResolver = (options.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
                .WithAddedModifier(CollectionsWithoutNulls.Refuse);
        });

        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] =
                Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
            if (context.ProblemDetails is HttpValidationProblemDetails validation)
            {
                NameFieldsAsInJson(validation.Errors);
            }
        });
        builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        builder.Services.AddSingleton<IExceptionClassifier, HttpExceptionClassifier>();

        // Malformed bodies surface as exceptions in every environment, so the handler can say what was wrong.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        builder.Services.AddOpenApi(options =>
        {
            options.AddOperationTransformer(SharedOperationAnswers.DescribeAsync);
            options.AddDocumentTransformer(SharedOperationAnswers.NameUniquelyAsync);
        });
        return builder;
    }

    /// <summary>Validation names C# properties; callers know the camelCase JSON names (<c>address.postalCode</c>).</summary>
    private static void NameFieldsAsInJson(IDictionary<string, string[]> errors)
    {
        foreach (var (field, messages) in errors.ToList())
        {
            var jsonName = string.Join('.', field.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
            if (jsonName != field)
            {
                errors.Remove(field);
                errors[jsonName] = messages;
            }
        }
    }
}
