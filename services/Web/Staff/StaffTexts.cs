using System.Globalization;
using Quartier.ServiceDefaults.Http;

namespace Quartier.Web.Staff;

/// <summary>The console's texts: <c>Resources/Staff.StaffTexts.resx</c> (German) and <c>.en</c>.</summary>
public sealed class StaffTexts
{
    /// <summary>The console is written in German and English; staff who chose another language for the residents' pages read German.</summary>
    public static IReadOnlyList<Language> Languages { get; } = [Web.Languages.Default, new("en", "English")];

    public static Language Current =>
        Languages.FirstOrDefault(language => language.Culture == CultureInfo.CurrentUICulture.Name) ?? Web.Languages.Default;
}

public static class StaffLanguageExtensions
{
    /// <summary>Console pages in another language than German or English are shown in German (dates and numbers too).</summary>
    public static WebApplication UseStaffLanguages(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(StaffSignIn.PathPrefix)
                && StaffTexts.Languages.All(language => language.Culture != Web.Languages.Current.Culture))
            {
                ChosenLanguage.Override(Web.Languages.Default.Culture);
            }

            return next(context);
        });
        return app;
    }
}
