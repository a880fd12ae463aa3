using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Quartier.Identity.Accounts;

namespace Quartier.Identity.Pages.Account;

/// <summary>Staff sign in with e-mail and password; repeated failures lock the account for a while.</summary>
public sealed class SignInModel(SignInManager<StaffAccount> signIn, IStringLocalizer<Texts> texts) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), texts["EmailRequired"]);
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), texts["PasswordRequired"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var account = await signIn.UserManager.FindByEmailAsync(Email!.Trim());
        if (account is not { IsActive: true })
        {
            ModelState.AddModelError(nameof(Password), texts["SignInFailed"]);
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(account, Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("TwoFactor", new { ReturnUrl });
        }

        if (result.IsLockedOut)
        {
            ModelState.AddModelError(nameof(Password), texts["LockedOut"]);
            return Page();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(Password), texts["SignInFailed"]);
            return Page();
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/account/signed-in");
    }
}
