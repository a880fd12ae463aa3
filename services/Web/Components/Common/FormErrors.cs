using System.Reflection;
using Microsoft.AspNetCore.Components.Forms;

namespace Quartier.Web.Components.Common;

/// <summary>
/// A form's refusals: next to each field (its id is the property name in lower case), in the summary
/// above the form, and on the input itself (the form's inputs set <c>aria-invalid</c> from these).
/// </summary>
public sealed class FormErrors
{
    /// <summary>Where a refusal that names no field of the form is shown: above it.</summary>
    public const string General = "general";

    private readonly Dictionary<string, string> errors = [];
    private readonly ValidationMessageStore store;

    public FormErrors(object model)
    {
        Context = new EditContext(model);
        store = new ValidationMessageStore(Context);
    }

    public EditContext Context { get; }

    public IReadOnlyDictionary<string, string> All => errors;

    public bool Any => errors.Count > 0;

    /// <summary>Refuses a property of the form (or the whole form, with <see cref="General"/>); the first reason per field is kept.</summary>
    public void Refuse(string property, string message)
    {
        var field = PropertyOf(property) is { } found ? found.Name.ToLowerInvariant() : General;
        if (errors.TryAdd(field, message) && field != General)
        {
            store.Add(Context.Field(PropertyOf(property)!.Name), message);
        }
    }

    /// <summary>Refuses the form's fields behind the fields a service refused (<c>consent.textVersion</c> is the consent box), each with the page's own words.</summary>
    public void RefuseServiceFields(IEnumerable<string> serviceFields, Func<string, string> reasonFor)
    {
        ArgumentNullException.ThrowIfNull(serviceFields);
        ArgumentNullException.ThrowIfNull(reasonFor);
        foreach (var field in serviceFields.Select(f => PropertyOf(f.Split('.')[0])?.Name ?? General))
        {
            Refuse(field, reasonFor(field));
        }
    }

    public string? Of(string field) => errors.GetValueOrDefault(field);

    public string? DescribedBy(string field, string? hint = null)
    {
        var ids = string.Join(' ', new[] { hint, errors.ContainsKey(field) ? $"{field}-error" : null }.Where(id => id is not null));
        return ids.Length == 0 ? null : ids;
    }

    private PropertyInfo? PropertyOf(string name) =>
        Context.Model.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
}
