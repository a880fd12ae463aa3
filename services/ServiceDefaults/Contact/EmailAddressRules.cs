using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Quartier.ServiceDefaults.Contact;

/// <summary>
/// One rule for residents' e-mail addresses in every service: a plain address (dot-atom local part,
/// a domain with a dot; letters of any script), exactly what the mail to residents can be sent to.
/// Quoted local parts, comments and IP literals are refused: no resident needs them.
/// </summary>
public static partial class EmailAddressRules
{
    public const int Length = 254;

    public static bool IsValid(string? text) => text is not null && text.Length <= Length && Address().IsMatch(text);

    [GeneratedRegex(@"^(?!\.)(?!.*\.\.)[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]{1,64}(?<!\.)@[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?)+$")]
    private static partial Regex Address();
}

/// <summary>An e-mail address as <see cref="EmailAddressRules"/> accepts it; an empty one is left to <c>[Required]</c>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class EmailAddressRuleAttribute() : ValidationAttribute("This is not an e-mail address, such as name@example.org.")
{
    public override bool IsValid(object? value) =>
        value is not string text || string.IsNullOrWhiteSpace(text) || EmailAddressRules.IsValid(text.Trim());
}
