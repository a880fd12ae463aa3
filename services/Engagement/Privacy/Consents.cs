using Quartier.ServiceDefaults.Privacy;

namespace Quartier.Engagement.Privacy;

/// <summary>The consent texts residents agree to when they register for an event or sign up to volunteer (<c>Privacy/ConsentTexts</c>).</summary>
public static class Consents
{
    public const string Events = "events";
    public const string Volunteers = "volunteers";

    public static ConsentTexts Texts { get; } = ConsentTexts.Of(typeof(Consents).Assembly);
}
