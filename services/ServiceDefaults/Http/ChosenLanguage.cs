using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace Quartier.ServiceDefaults.Http;

/// <summary>
/// The language of the pages people read: picked with <c>?culture=</c> (and remembered in a cookie),
/// else the cookie, else the browser's, else the first one offered. An offered language may be a
/// variant no culture names, such as Leichte Sprache (<c>de-x-ls</c>): its dates and numbers are its
/// culture's (<c>de</c>), and <see cref="Current"/> tells the pages which variant to write.
/// </summary>
public static class ChosenLanguage
{
    private const string ItemKey = "Quartier.ChosenLanguage";
    private const string PickedKey = "Quartier.ChosenLanguage.Picked";
    private static readonly AsyncLocal<string?> Chosen = new();

    /// <summary>The offered language tag of this request (e.g. <c>de-x-ls</c>), or null outside a request.</summary>
    public static string? Current => Chosen.Value;

    public static IServiceCollection AddChosenLanguages(this IServiceCollection services, IReadOnlyList<string> offered)
    {
        ArgumentNullException.ThrowIfNull(offered);
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        return services.Configure<RequestLocalizationOptions>(options =>
        {
            string[] cultures = [.. offered.Select(CultureOf).Distinct()];
            options.SetDefaultCulture(cultures[0]).AddSupportedCultures(cultures).AddSupportedUICultures(cultures);
            options.RequestCultureProviders.Insert(0, new PickedLanguageProvider(offered));
        });
    }

    public static WebApplication UseChosenLanguage(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.Use((context, next) =>
        {
            var tag = context.Items[ItemKey] as string ?? CultureInfo.CurrentUICulture.Name;
            Chosen.Value = tag;
            if (context.Items.ContainsKey(PickedKey))
            {
                context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, $"c={CultureOf(tag)}|uic={tag}",
                    new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365) });
            }

            return next(context);
        });
        return app;
    }

    /// <summary>Writes the rest of this request in <paramref name="tag"/> (a part of the site offering fewer languages).</summary>
    public static void Override(string tag)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(CultureOf(tag));
        Chosen.Value = tag;
    }

    /// <summary>The culture whose dates and numbers a language tag uses: <c>de-x-ls</c> → <c>de</c>.</summary>
    public static string CultureOf(string tag) => CultureInfo.GetCultureInfo(tag).Name;

    /// <summary>An offered language named in the query (just picked) or, failing that, in the cookie.</summary>
    private sealed class PickedLanguageProvider(IReadOnlyList<string> offered) : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            var picked = Offered(httpContext.Request.Query["culture"]);
            if (picked is not null)
            {
                httpContext.Items[PickedKey] = true;
            }
            else if (httpContext.Request.Cookies[CookieRequestCultureProvider.DefaultCookieName] is { } cookie
                && CookieRequestCultureProvider.ParseCookieValue(cookie) is { UICultures: [var remembered, ..] })
            {
                picked = Offered(remembered.Value);
            }

            if (picked is null)
            {
                return NullProviderCultureResult;
            }

            httpContext.Items[ItemKey] = picked;
            var culture = CultureOf(picked);
            return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(culture, culture));
        }

        private string? Offered(string? wanted) =>
            offered.FirstOrDefault(tag => string.Equals(tag, wanted, StringComparison.OrdinalIgnoreCase));
    }
}
