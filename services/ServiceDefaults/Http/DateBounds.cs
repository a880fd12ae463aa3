using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Quartier.ServiceDefaults.Http;

/// <summary>
/// Dates in a route or query (a day, a range's ends) lie between 1900 and 2199: nothing the platform
/// plans or reports lies outside, and at the calendar's ends (year 1, year 9999) converting a day to an
/// instant or adding one to it overflows. Outside is the caller's 400 naming the parameter, for every endpoint.
/// </summary>
public static partial class DateBounds
{
    public const int FirstYear = 1900;
    public const int LastYear = 2199;

    private static readonly ConcurrentDictionary<Endpoint, string[]> DateParameters = new();

    public static IApplicationBuilder UseDateBounds(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint() is { } endpoint)
        {
            foreach (var name in DateParameters.GetOrAdd(endpoint, NamesOfDates))
            {
                var text = context.Request.RouteValues.TryGetValue(name, out var routeValue) ? routeValue as string : context.Request.Query[name].FirstOrDefault();
                if (text is not null && YearOf(text) is { } year && year is < FirstYear or > LastYear)
                {
                    await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, "Date out of range.",
                        $"'{name}' must lie between the years {FirstYear} and {LastYear}.");
                    return;
                }
            }
        }

        await next(context);
    });

    private static string[] NamesOfDates(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<MethodInfo>() is { } handler
            ? [.. handler.GetParameters().Where(parameter => IsDate(parameter.ParameterType)).Select(parameter => parameter.Name!)]
            : [];

    private static bool IsDate(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var underlying
        && (underlying == typeof(DateOnly) || underlying == typeof(DateTimeOffset) || underlying == typeof(DateTime));

    /// <summary>The year an ISO 8601 date or instant begins with; what does not look like one is left to binding.</summary>
    private static int? YearOf(string text) =>
        LeadingYear().Match(text) is { Success: true } match ? int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"^\s*[+-]?(\d{4,6})-")]
    private static partial Regex LeadingYear();
}
