using Quartier.ServiceDefaults.Http;
using Quartier.Web.Api;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;
using Quartier.Web.Components;
using Quartier.Web.Staff;

namespace Quartier.Web;

public static class Extensions
{
    /// <summary>Server-rendered pages without any script, the public APIs they read, the residents' languages; the staff console's sign-in.</summary>
    public static WebApplicationBuilder AddResidentPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        // Letters of every script go out as themselves (the pages are UTF-8), not as &#x...; entities
        // four times their size: an Arabic or Russian page would otherwise weigh several times more.
        builder.Services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddChosenLanguages([.. Languages.All.Select(language => language.Culture)]);
        builder.Services.AddSingleton<IStringLocalizer<Texts>, PageTexts>();
        // By service name: service discovery resolves http://offices from services:offices:http:0.
        foreach (var service in new[] { PublicApi.Offices, PublicApi.Bookings, PublicApi.Engagement })
        {
            builder.Services.AddHttpClient(service, client => client.BaseAddress = new Uri($"http://{service}"));
        }
        builder.Services.AddScoped<PublicApi>();
        builder.Services.Configure<ImprintOptions>(builder.Configuration.GetSection(ImprintOptions.Section));
        builder.AddStaffSignIn();
        builder.Services.AddScoped<StaffApi>();
        foreach (var service in new[] { StaffApi.Reporting, StaffApi.Identity })
        {
            builder.Services.AddHttpClient(service, client => client.BaseAddress = new Uri($"http://{service}"));
        }

        return builder;
    }

    /// <summary>Errors and unknown addresses answer with a page in the reader's language, not problem details.</summary>
    public static WebApplication MapResidentPages(this WebApplication app)
    {
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseChosenLanguage();
        app.Use((context, next) =>
        {
            // Residents' pages: no script at all. The console: its own script, asking only its own address.
            // Nothing from other hosts, forms only to these pages, never inside a frame.
            context.Response.Headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(StaffSignIn.PathPrefix, StringComparison.Ordinal)
                ? "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'self'; frame-ancestors 'none'"
                : "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'self'; frame-ancestors 'none'";
            return next(context);
        });
        app.UseStaffLanguages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        // Residents never sign in: their pages are public; the console under /staff needs a signed-in member of staff.
        app.MapRazorComponents<App>().Add(endpoint =>
            endpoint.Metadata.Add(endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } route } && route.StartsWith(StaffSignIn.PathPrefix, StringComparison.Ordinal)
                ? new AuthorizeAttribute(StaffSignIn.Policy)
                : new AllowAnonymousAttribute()));
        app.MapStaffActions();
        app.MapPeopleActions();
        app.MapStaffSignOut();
        return app;
    }
}
