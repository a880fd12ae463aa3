using Microsoft.AspNetCore.Identity;

namespace Quartier.Identity.Accounts;

/// <summary>
/// Refuses passwords from the lists attackers try first, and ones built from the person's own name or
/// address; length does the rest (no composition rules, as NIST SP 800-63B advises).
/// </summary>
public sealed class CommonPasswords : IPasswordValidator<StaffAccount>
{
    private static readonly Lazy<HashSet<string>> Known = new(() =>
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("Quartier.Identity.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    });

    public Task<IdentityResult> ValidateAsync(UserManager<StaffAccount> manager, StaffAccount user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var candidate = (password ?? string.Empty).Trim();
        if (Known.Value.Contains(candidate) || IsRepetition(candidate))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = "This password is one of the most common ones. Choose another." }));
        }

        var personal = new[] { user.Email?.Split('@')[0], user.DisplayName }.Where(part => part is { Length: >= 4 });
        if (personal.Any(part => candidate.Contains(part!, StringComparison.OrdinalIgnoreCase)))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PersonalPassword", Description = "The password must not contain your name or e-mail address." }));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    /// <summary>One character or one short group over and over ("aaaaaaaaaaaa", "abcabcabcabc").</summary>
    private static bool IsRepetition(string password) =>
        Enumerable.Range(1, 4).Any(length => password.Length > length
            && password.Select((character, index) => character == password[index % length]).All(same => same));
}
