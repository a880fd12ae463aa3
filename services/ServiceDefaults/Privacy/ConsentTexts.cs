using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Quartier.ServiceDefaults.Privacy;

/// <summary>One consent text as a resident reads it: a purpose's version, in one language.</summary>
public sealed record ConsentText(string Purpose, string Version, string Language, DateOnly ValidFrom, string Title, IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Languages);

/// <summary>
/// The consent texts a service asks residents to agree to, as versioned documents: one JSON file per
/// version (<c>Privacy/ConsentTexts/{version}.json</c>, embedded) with the text in every language it
/// was published in. A published version never changes; a new wording is a new file. What a booking
/// stores names the version and the language the resident saw.
/// </summary>
public sealed class ConsentTexts
{
    public const string DefaultLanguage = "de";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly List<Document> documents;

    private ConsentTexts(List<Document> documents) => this.documents = documents;

    /// <summary>Every consent document embedded in <paramref name="assembly"/>.</summary>
    public static ConsentTexts Of(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var documents = assembly.GetManifestResourceNames()
            .Where(name => name.Contains(".ConsentTexts.", StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                return JsonSerializer.Deserialize<Document>(stream, Json) ?? throw new InvalidOperationException($"{name} is no consent document.");
            })
            .ToList();
        return new ConsentTexts(documents);
    }

    /// <summary>The version residents are asked to agree to now: the latest already valid.</summary>
    public ConsentText? Current(string purpose, string? language, DateOnly today) =>
        documents.Where(d => d.Purpose == purpose && d.ValidFrom <= today).MaxBy(d => d.ValidFrom)?.In(language);

    public ConsentText? Find(string purpose, string version, string? language) =>
        documents.SingleOrDefault(d => d.Purpose == purpose && d.Version == version)?.In(language);

    /// <summary>Why a consent cannot name this version and language, or null when it can.</summary>
    public string? Refusal(string purpose, string? version, string? language)
    {
        var document = documents.SingleOrDefault(d => d.Purpose == purpose && d.Version == version);
        if (document is null)
        {
            return $"The consent text for {purpose} has no version '{version}'; the versions are {string.Join(", ", documents.Where(d => d.Purpose == purpose).Select(d => d.Version))}.";
        }

        return language is null || document.Texts.ContainsKey(language)
            ? null
            : $"Version {version} is published in {string.Join(", ", document.Texts.Keys)}, not in '{language}'.";
    }

    /// <summary>A field error for <paramref name="member"/> when a consent names a version the purpose does not have, or a language it was not published in (German when none is named).</summary>
    public IEnumerable<ValidationResult> Check(string purpose, string? version, string? language, string member)
    {
        if (!string.IsNullOrWhiteSpace(version) && Refusal(purpose, version.Trim(), language ?? DefaultLanguage) is { } refusal)
        {
            yield return new ValidationResult(refusal, [member]);
        }
    }

    /// <summary>The public texts, for the pages and anyone who wants to read what they agreed to.</summary>
    public RouteGroupBuilder Map(IEndpointRouteBuilder app, string servicePath, params string[] purposes)
    {
        var group = app.MapGroup(servicePath + "/consent-texts").WithTags("Privacy").AllowAnonymous();
        group.MapGet("/{purpose}", (string purpose, string? language, TimeProvider time) =>
                Answer(purposes.Contains(purpose) ? Current(purpose, language, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)) : null))
            .WithName("CurrentConsentText")
            .WithSummary($"The consent text residents agree to now, for {string.Join(" or ", purposes)}, in a language (German when it has none in that one)");
        group.MapGet("/{purpose}/{version}", (string purpose, string version, string? language) => Answer(purposes.Contains(purpose) ? Find(purpose, version, language) : null))
            .WithName("ConsentTextVersion")
            .WithSummary("One version of a consent text, as residents read it");
        return group;
    }

    private static Results<Ok<ConsentText>, NotFound> Answer(ConsentText? text) => text is null ? TypedResults.NotFound() : TypedResults.Ok(text);

    private sealed record Part(string Title, IReadOnlyList<string> Paragraphs);

    private sealed record Document(string Purpose, string Version, DateOnly ValidFrom, Dictionary<string, Part> Texts)
    {
        public ConsentText In(string? language)
        {
            var shown = language is not null && Texts.ContainsKey(language) ? language : DefaultLanguage;
            var part = Texts[shown];
            return new ConsentText(Purpose, Version, shown, ValidFrom, part.Title, part.Paragraphs, [.. Texts.Keys]);
        }
    }
}
