using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using QRCoder;
using Quartier.Identity.Accounts;

namespace Quartier.Identity.Pages.Account;

/// <summary>Two-factor sign-in with an authenticator app: scan the code (or type the key), confirm with one code. For the signed-in person only.</summary>
public sealed class AuthenticatorModel(UserManager<StaffAccount> accounts, SignInManager<StaffAccount> signIn, IStringLocalizer<Texts> texts) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string SharedKey { get; private set; } = string.Empty;

    public string QrCodeSvg { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync()
    {
        var account = await accounts.GetUserAsync(User);
        if (account is null)
        {
            return Challenge();
        }

        await ShowKeyAsync(account);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var account = await accounts.GetUserAsync(User);
        if (account is null)
        {
            return Challenge();
        }

        var code = (Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (!await accounts.VerifyTwoFactorTokenAsync(account, accounts.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), texts[code.Length == 0 ? "CodeRequired" : "CodeWrong"]);
            await ShowKeyAsync(account);
            return Page();
        }

        await accounts.SetTwoFactorEnabledAsync(account, true);
        await signIn.RefreshSignInAsync(account);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/account/signed-in");
    }

    private async Task ShowKeyAsync(StaffAccount account)
    {
        var key = await accounts.GetAuthenticatorKeyAsync(account);
        if (string.IsNullOrEmpty(key))
        {
            await accounts.ResetAuthenticatorKeyAsync(account);
            key = await accounts.GetAuthenticatorKeyAsync(account);
        }

        SharedKey = string.Join(' ', key!.Chunk(4).Select(group => new string(group))).ToLower(CultureInfo.InvariantCulture);
        var uri = $"otpauth://totp/Quartier:{Uri.EscapeDataString(account.Email!)}?secret={key}&issuer=Quartier&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrCodeSvg = new SvgQRCode(data).GetGraphic(new System.Drawing.Size(240, 240), "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute)
            .Replace("<svg ", $"<svg role=\"img\" aria-label=\"{System.Net.WebUtility.HtmlEncode(texts["QrCodeLabel"])}\" ", StringComparison.Ordinal);
    }
}
