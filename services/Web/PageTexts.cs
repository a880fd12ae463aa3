using Microsoft.Extensions.Localization;
using Quartier.ServiceDefaults.Http;

namespace Quartier.Web;

/// <summary>
/// The residents' pages' texts: in Leichte Sprache from <c>Resources/TextsEasy.resx</c> (no culture
/// names it, so the culture's resources cannot hold it), otherwise from the culture's <c>Texts</c>.
/// </summary>
public sealed class PageTexts(IStringLocalizerFactory factory) : IStringLocalizer<Texts>
{
    private readonly IStringLocalizer standard = factory.Create(typeof(Texts));
    private readonly IStringLocalizer easy = factory.Create("TextsEasy", typeof(Texts).Assembly.GetName().Name!);

    public LocalizedString this[string name] => Easy ? Either(easy[name], standard[name]) : standard[name];

    public LocalizedString this[string name, params object[] arguments] =>
        Easy ? Either(easy[name, arguments], standard[name, arguments]) : standard[name, arguments];

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        (Easy ? easy : standard).GetAllStrings(includeParentCultures);

    private static bool Easy => ChosenLanguage.Current == Languages.EasyGerman;

    private static LocalizedString Either(LocalizedString preferred, LocalizedString fallback) =>
        preferred.ResourceNotFound ? fallback : preferred;
}
