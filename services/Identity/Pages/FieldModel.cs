namespace Quartier.Identity.Pages;

/// <summary>One labelled input with its hint and errors tied to it (<c>aria-describedby</c>).</summary>
public sealed record FieldModel(string Name, string Label, string Type, string Autocomplete, string? Value = null, string? Hint = null, string? InputMode = null);

/// <summary>The marker type of the pages' translations (Resources/Pages.Texts.*.resx).</summary>
public sealed class Texts;
