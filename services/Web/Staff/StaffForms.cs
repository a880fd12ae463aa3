using Microsoft.Extensions.Localization;

namespace Quartier.Web.Staff;

/// <summary>What the console's forms share: a refused change shown at the fields it concerns.</summary>
public static class StaffForms
{
    /// <summary>
    /// Puts a service's refusal at the form's fields: <paramref name="fields"/> maps the service's JSON names (a nested
    /// name by its first part, <c>texts[0].title</c> as <c>texts</c>) to the form's field ids; the rest goes to <paramref name="fallback"/>.
    /// </summary>
    public static void TakeRefusal<T>(this Dictionary<string, string> errors, Submitted<T> refused, IReadOnlyDictionary<string, string> fields, string fallback, IStringLocalizer<StaffTexts> texts)
    {
        ArgumentNullException.ThrowIfNull(refused);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(texts);
        foreach (var (field, messages) in refused.Errors)
        {
            var name = field.Split('.', '[')[0];
            var ours = fields.FirstOrDefault(known => string.Equals(known.Key, name, StringComparison.OrdinalIgnoreCase)).Value ?? fallback;
            var message = string.Join(" ", messages);
            errors[ours] = errors.TryGetValue(ours, out var before) ? $"{before} {message}" : message;
        }

        if (errors.Count == 0)
        {
            errors[fallback] = refused.Outcome switch
            {
                StaffOutcome.NotYourOffice => texts["NoticeNotYourOffice"],
                StaffOutcome.NotFound => texts["NoticeNotFound"],
                _ => refused.Refusal ?? texts["NoticeInvalid"],
            };
        }
    }

    /// <summary>The field's <c>aria-invalid</c>: "true" when it has an error, otherwise left out.</summary>
    public static string? InvalidAt(this IReadOnlyDictionary<string, string> errors, string field) => errors.ContainsKey(field) ? "true" : null;

    /// <summary>The field's <c>aria-describedby</c> pointing at its error message (see <c>FieldError</c>), otherwise left out.</summary>
    public static string? DescribedAt(this IReadOnlyDictionary<string, string> errors, string field) => errors.ContainsKey(field) ? $"{field}-error" : null;

    /// <summary>Form fields named as the service names them.</summary>
    public static IReadOnlyDictionary<string, string> SameNames(params string[] fields) => fields.ToDictionary(field => field, field => field);

    /// <summary>A whole number typed into a text field (numbers travel as text: an emptied field must not fail the whole form's binding).</summary>
    public static int? Whole(string? text) =>
        int.TryParse(text?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : null;

    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) ? date : null;

    public static TimeOnly? Time(string? text) =>
        TimeOnly.TryParseExact(text, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var time) ? time : null;
}
