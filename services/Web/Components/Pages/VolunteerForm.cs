using Quartier.Web.Components.Common;
using Microsoft.AspNetCore.Http;
using Quartier.Contracts.Engagement;
using Quartier.Web.Api;

namespace Quartier.Web.Components.Pages;

/// <summary>
/// Signing up as a volunteer: who, how to reach them, languages, what they like to do, when they have
/// time, age group (a guardian's consent for minors) and the consent. The ticked boxes come straight
/// from the posted form: each group of boxes shares one name.
/// </summary>
public sealed class VolunteerForm : IResidentContact
{
    public const string LanguageBoxes = "volunteer-language";
    public const string SkillBoxes = "volunteer-skill";
    public const string TimeBoxes = "volunteer-time";

    /// <summary>Suggested activities: the value sent is the office's German word, so matching works whatever the page's language.</summary>
    public static IReadOnlyList<(string Key, string Word)> SuggestedSkills { get; } =
    [
        ("homework", "Hausaufgabenhilfe"),
        ("conversation", "Deutsch üben"),
        ("accompany", "Begleitung zu Ämtern"),
        ("translate", "Dolmetschen"),
        ("children", "Kinderbetreuung"),
        ("cooking", "Kochen und Feste"),
        ("garden", "Garten und Quartier"),
        ("computer", "Hilfe mit Computer und Handy"),
        ("sport", "Sport und Bewegung"),
        ("repair", "Reparieren und Handwerk"),
    ];

    /// <summary>The languages offered as boxes: the pages' languages and those most spoken in the source offices' quarters.</summary>
    public static IReadOnlyList<string> OfferedLanguages { get; } = ["de", "en", "ar", "fa", "tr", "ru", "uk", "ku", "ps", "ti", "so", "pl", "ro", "bg", "fr", "es", "it", "sq", "vi"];

    public static IReadOnlyList<DayOfWeek> Weekdays { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>Parts of a day a volunteer can tick, on the office's clock.</summary>
    public static IReadOnlyList<(string Key, TimeOnly From, TimeOnly To)> DayParts { get; } =
    [
        ("Morning", new(8, 0), new(12, 0)),
        ("Afternoon", new(12, 0), new(17, 0)),
        ("Evening", new(17, 0), new(21, 0)),
    ];

    public const int OtherSkillsLength = 300;

    public string IdempotencyKey { get; set; } = string.Empty;

    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? OtherSkills { get; set; }

    public AgeGroup? AgeGroup { get; set; }

    public string? GuardianName { get; set; }

    public bool GuardianConsent { get; set; }

    public bool Consent { get; set; }

    public IReadOnlyList<string> Languages { get; private set; } = [];

    public IReadOnlyList<string> Skills { get; private set; } = [];

    public IReadOnlyList<string> Times { get; private set; } = [];

    public static string TimeBox(DayOfWeek day, string part) => $"{day}-{part}";

    /// <summary>Takes the ticked boxes of the posted form, keeping only values the page offered.</summary>
    public void TakeBoxes(IFormCollection form)
    {
        Languages = form[LanguageBoxes].Where(code => code is not null && OfferedLanguages.Contains(code)).Distinct().ToList()!;
        Skills = form[SkillBoxes].Where(key => SuggestedSkills.Any(skill => skill.Key == key)).Distinct().ToList()!;
        Times = form[TimeBoxes].Where(box => Weekdays.Any(day => DayParts.Any(part => TimeBox(day, part.Key) == box))).Distinct().ToList()!;
    }

    public IEnumerable<(string Property, string TextKey)> Check()
    {
        foreach (var refusal in ResidentChecks.NameReachAndConsent(Name, Phone, Email, Consent))
        {
            yield return refusal;
        }

        if (Languages.Count == 0)
        {
            yield return (nameof(Languages), "Invalid_languages");
        }

        if (OtherSkills?.Length > OtherSkillsLength || OtherWords().Any(word => word.Length > 50) || Skills.Count + OtherWords().Count() > 20)
        {
            yield return (nameof(OtherSkills), "Invalid_otherskills");
        }

        if (AgeGroup is null)
        {
            yield return (nameof(AgeGroup), "Invalid_agegroup");
        }
        else if (AgeGroup == Contracts.Engagement.AgeGroup.Minor && (string.IsNullOrWhiteSpace(GuardianName) || GuardianName.Trim().Length < 2 || !GuardianConsent))
        {
            yield return (nameof(GuardianName), "Invalid_guardianname");
        }
    }

    public VolunteerSignUpRequest ToRequest(ConsentText consentText) => new(
        Name?.Trim(),
        string.IsNullOrWhiteSpace(Email) ? null : Email.Trim(),
        string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim(),
        Languages,
        [.. Skills.Select(key => SuggestedSkills.First(skill => skill.Key == key).Word), .. OtherWords()],
        [.. Weekdays.SelectMany(day => DayParts.Where(part => Times.Contains(TimeBox(day, part.Key))).Select(part => new VolunteerAvailability(day, part.From, part.To)))],
        AgeGroup ?? Contracts.Engagement.AgeGroup.Adult,
        AgeGroup == Contracts.Engagement.AgeGroup.Minor ? new GuardianConsent(GuardianName!.Trim(), consentText.Version) : null,
        Consent,
        consentText.Version,
        Web.Languages.Current.Culture,
        consentText.Language);

    /// <summary>The activities typed in, split at commas (Arabic and Persian keyboards type '،'), semicolons and line breaks.</summary>
    private IEnumerable<string> OtherWords() =>
        (OtherSkills ?? string.Empty).Split([',', '،', ';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
