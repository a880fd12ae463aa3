using System.Globalization;
using Microsoft.Extensions.Localization;
using Quartier.Web.Api;

namespace Quartier.Web.Staff;

/// <summary>An event as staff plan it, scheduling or changing it: the German text, place, time, places and field of action.</summary>
public sealed class EventPlanForm
{
    /// <summary>The form's own id: where a refusal of no one field is shown.</summary>
    public const string FormId = "event-plan";

    /// <summary>The form's fields by the engagement service's names for them.</summary>
    public static IReadOnlyDictionary<string, string> Fields { get; } = new Dictionary<string, string>
    {
        ["texts"] = "title", ["place"] = "place", ["startsAt"] = "startsAt", ["endsAt"] = "endsAt", ["capacity"] = "capacity",
    };

    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? Place { get; set; }

    public string? StartsAt { get; set; }

    public string? EndsAt { get; set; }

    // Numbers travel as text: an emptied field comes back as itself, with its error, rather than failing the whole form's binding.
    public string? Capacity { get; set; } = "20";

    public string FieldOfAction { get; set; } = "stadtteilkultur";

    /// <summary>The version of the plan the form was opened with, so a change someone else made meanwhile is not overwritten.</summary>
    public string? Version { get; set; }

    public static EventPlanForm From(CommunityEvent planned, string timeZone)
    {
        ArgumentNullException.ThrowIfNull(planned);
        var german = planned.TextIn("de");
        return new EventPlanForm
        {
            Title = german.Title,
            Description = german.Description,
            Place = planned.Place,
            StartsAt = Local(planned.StartsAt, timeZone),
            EndsAt = Local(planned.EndsAt, timeZone),
            Capacity = planned.Capacity.ToString(CultureInfo.InvariantCulture),
            FieldOfAction = planned.FieldOfAction,
            Version = planned.Version.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>What is missing or wrong, by field id, in the console's words.</summary>
    public Dictionary<string, string> Check(IStringLocalizer<StaffTexts> texts, string timeZone)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(Title))
        {
            errors["title"] = texts["EventTitleMissing"];
        }

        if (string.IsNullOrWhiteSpace(Place))
        {
            errors["place"] = texts["EventPlaceMissing"];
        }

        var (startsAt, endsAt) = (Instant(StartsAt, timeZone), Instant(EndsAt, timeZone));
        if (startsAt is null)
        {
            errors["startsAt"] = texts["EventTimeMissing"];
        }

        if (endsAt is null || endsAt <= startsAt)
        {
            errors["endsAt"] = texts["EventEndMissing"];
        }

        if (StaffForms.Whole(Capacity) is not > 0)
        {
            errors["capacity"] = texts["EventCapacityMissing"];
        }

        return errors;
    }

    /// <summary>
    /// The request the engagement service takes; texts in other languages than German are kept as they are, and
    /// registration closes <paramref name="registrationCloses"/> before the start when the event had such a deadline.
    /// </summary>
    public object ToRequest(string timeZone, IEnumerable<EventText> otherTexts, TimeSpan? registrationCloses = null) => new
    {
        fieldOfAction = FieldOfAction,
        texts = otherTexts.Where(text => text.Language != "de")
            .Select(text => new { language = text.Language, title = text.Title, description = text.Description })
            .Prepend(new { language = "de", title = Title!.Trim(), description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim() }),
        place = Place!.Trim(),
        startsAt = Instant(StartsAt, timeZone),
        endsAt = Instant(EndsAt, timeZone),
        registrationDeadline = registrationCloses is { } lead ? Instant(StartsAt, timeZone) - lead : null,
        capacity = StaffForms.Whole(Capacity),
    };

    /// <summary>A refusal at the form's fields, in the console's words where it has them.</summary>
    public static void TakeRefusal<T>(Dictionary<string, string> errors, Submitted<T> refused, IStringLocalizer<StaffTexts> texts)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(texts);
        errors.TakeRefusal(refused, Fields, FormId, texts);
        foreach (var field in errors.Keys.ToList())
        {
            if (texts[$"EventRefused-{field}"] is { ResourceNotFound: false } known)
            {
                errors[field] = known;
            }
        }
    }

    private static string Local(DateTimeOffset instant, string timeZone) =>
        Times.InOffice(instant, timeZone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Instant(string? text, string timeZone) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var wallClock)
            ? Times.FromOffice(wallClock, timeZone)
            : null;
}
