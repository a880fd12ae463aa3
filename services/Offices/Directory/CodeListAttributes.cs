using System.ComponentModel.DataAnnotations;
using Quartier.Contracts;

namespace Quartier.Offices.Directory;

// Attributes rather than IValidatableObject: they run with the other field rules, so one answer
// names every bad field at once.

/// <summary>Every entry is an ISO 639-1 code in lower case (<c>de</c>, <c>ar</c>, <c>uk</c>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class LanguageCodesAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is IEnumerable<string?> codes && FirstUnknown(codes, LanguageCodes.IsKnown) is { } unknown
            ? Invalid(validationContext, $"'{unknown}' is not an ISO 639-1 language code; use two lower-case letters such as de, ar or uk.")
            : ValidationResult.Success;

    internal static string? FirstUnknown(IEnumerable<string?> codes, Func<string?, bool> isKnown) =>
        codes.Where(code => !isKnown(code)).Select(code => code ?? "null").FirstOrDefault();

    internal static ValidationResult Invalid(ValidationContext context, string message) =>
        new(message, context.MemberName is { } member ? [member] : null);
}

/// <summary>Every entry is a code of <see cref="FieldsOfAction"/>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class FieldOfActionCodesAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is IEnumerable<string?> codes && LanguageCodesAttribute.FirstUnknown(codes, FieldsOfAction.IsKnown) is { } unknown
            ? LanguageCodesAttribute.Invalid(validationContext, $"'{unknown}' is not a field of action; use one of {string.Join(", ", FieldsOfAction.Names.Keys)}.")
            : ValidationResult.Success;
}

/// <summary>An ISO 3166-2 code of a German federal state, which decides the public holidays.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class FederalStateCodeAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is string code && !FederalStates.IsKnown(code)
            ? LanguageCodesAttribute.Invalid(validationContext, $"Unknown federal state; use an ISO 3166-2 code such as {string.Join(", ", FederalStates.Names.Keys.Take(3))}.")
            : ValidationResult.Success;
}

/// <summary>An IANA time zone this machine knows, such as <c>Europe/Berlin</c>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class TimeZoneIdAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is string id && !TimeZoneInfo.TryFindSystemTimeZoneById(id, out _)
            ? LanguageCodesAttribute.Invalid(validationContext, "Unknown time zone; use an IANA name such as Europe/Berlin.")
            : ValidationResult.Success;
}
