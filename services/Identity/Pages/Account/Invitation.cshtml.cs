using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Quartier.Identity.Accounts;
using Quartier.Identity.Invitations;

namespace Quartier.Identity.Pages.Account;

/// <summary>The invitation link: the person sets their password once; the link is spent with it.</summary>
public sealed class InvitationModel(StaffInvitations invitations, UserManager<StaffAccount> accounts, IStringLocalizer<Texts> texts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Account { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Repeat { get; set; }

    public string? Name { get; private set; }

    public bool Valid { get; private set; }

    public bool Done { get; private set; }

    public async Task OnGetAsync() => await CheckAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await CheckAsync())
        {
            return Page();
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), texts["PasswordRequired"]);
        }
        else if (Password != Repeat)
        {
            ModelState.AddModelError(nameof(Repeat), texts["PasswordMismatch"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await invitations.AcceptAsync(Account, Code!, Password!);
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(nameof(Password), texts[error.Code] is { ResourceNotFound: false } known ? known : error.Description);
        }

        Done = result.Succeeded;
        return Page();
    }

    private async Task<bool> CheckAsync()
    {
        var account = await accounts.FindByIdAsync(Account.ToString());
        Valid = account is { JoinedAt: null, DisabledAt: null } && Code is not null
            && await accounts.VerifyUserTokenAsync(account, InvitationTokenOptions.ProviderName, StaffInvitations.Purpose, Code);
        Name = account?.DisplayName;
        return Valid;
    }
}
