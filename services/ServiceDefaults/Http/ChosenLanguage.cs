using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace Quartier.ServiceDefaults.Http;

/// <summary>
/// The language of the pages people read: picked with <c>?culture=</c> (and remembered in a cookie),
/// else the cookie, else the browser's, else the first one offered.
/// </summary>
public static class ChosenLanguage
{
    public static IServiceCollection AddChosenLanguages(this IServiceCollection services, IReadOnlyList<string> cultures)
    {
        ArgumentNullException.ThrowIfNull(cultures);
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        return services.Configure<RequestLocalizationOptions>(options =>
        {
            string[] offered = [.. cultures];
            options.SetDefaultCulture(offered[0]).AddSupportedCultures(offered).AddSupportedUICultures(offered);
            options.RequestCultureProviders.Insert(0, new QueryStringRequestCultureProvider());
        });
    }

    public static WebApplication UseChosenLanguage(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.Use((context, next) =>
        {
            if (context.Request.Query.ContainsKey("culture") && context.Features.Get<IRequestCultureFeature>() is { Provider: QueryStringRequestCultureProvider } chosen)
            {
                context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(chosen.RequestCulture),
                    new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365) });
            }

            return next(context);
        });
        return app;
    }
}
