using System.Text;
using Quartier.ServiceDefaults.Http;

namespace Quartier.Gateway;

/// <summary>
/// HTTP header values are ASCII (RFC 9110 recommends it, and the forwarding client sends nothing else).
/// Kestrel reads every byte as Latin-1 so no header is refused without an explanation; a value that is
/// not ASCII is then the caller's 400 naming the header, instead of a forwarding failure taken for an outage.
/// </summary>
public static class ForwardableHeaders
{
    public static WebApplicationBuilder ReadHeadersAsLatin1(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.RequestHeaderEncodingSelector = _ => Encoding.Latin1);
        return builder;
    }

    public static WebApplication UseForwardableHeadersOnly(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            foreach (var (name, values) in context.Request.Headers)
            {
                if (values.Any(value => !Ascii.IsValid(value)))
                {
                    await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, "The request could not be read.",
                        $"The header '{name}' holds characters other than ASCII; it cannot be passed on. Percent-encode the value or leave the header out.");
                    return;
                }
            }

            await next(context);
        });
        return app;
    }
}
