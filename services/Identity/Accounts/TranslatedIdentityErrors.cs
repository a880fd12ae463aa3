using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Quartier.Identity.Pages;

namespace Quartier.Identity.Accounts;

/// <summary>The password rules' messages in the person's language.</summary>
public sealed class TranslatedIdentityErrors(IStringLocalizer<Texts> texts) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = texts[nameof(PasswordTooShort)] };
}
