using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Quartier.Identity.Accounts;
using Quartier.ServiceDefaults.Security;

namespace Quartier.Identity.Invitations;

public enum InvitationOutcome
{
    Sent,

    /// <summary>The inviter may not give one of the roles asked for.</summary>
    NotAllowed,

    /// <summary>An account with this e-mail address exists already.</summary>
    AlreadyExists,
}

public sealed record Invitation(StaffAccount Account, Uri Link, DateTimeOffset ExpiresAt);

/// <summary>
/// Getting an account: an administrator (or an office's lead, for staff of their office) invites a
/// person; the link lets them set their password once, until it expires. No account has a password
/// anyone else chose.
/// </summary>
public sealed class StaffInvitations(UserManager<StaffAccount> accounts, TimeProvider time, IOptions<InvitationTokenOptions> tokens)
{
    public const string Purpose = "accept-invitation";

    /// <summary>Administrators give any role; a lead invites staff into the offices they lead.</summary>
    public static bool MayInvite(ClaimsPrincipal inviter, bool administrator, IEnumerable<(Guid OfficeId, OfficeRole Role)> memberships)
    {
        ArgumentNullException.ThrowIfNull(inviter);
        return inviter.IsAdministrator()
            || (!administrator && memberships.All(membership => membership.Role == OfficeRole.Staff && inviter.HasClaim(StaffClaims.OfficeLead, membership.OfficeId.ToString())));
    }

    public async Task<(InvitationOutcome Outcome, Invitation? Invitation)> InviteAsync(
        Guid? invitedBy, string email, string name, bool administrator, IReadOnlyCollection<(Guid OfficeId, OfficeRole Role)> memberships, Uri publicBase)
    {
        if (await accounts.FindByEmailAsync(email) is not null)
        {
            return (InvitationOutcome.AlreadyExists, null);
        }

        var account = new StaffAccount
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            UserName = email,
            Email = email,
            DisplayName = name,
            IsAdministrator = administrator,
            InvitedAt = time.GetUtcNow(),
            InvitedBy = invitedBy,
        };
        account.Memberships.AddRange(memberships.Select(m => new OfficeMembership { AccountId = account.Id, OfficeId = m.OfficeId, Role = m.Role }));
        var created = await accounts.CreateAsync(account);
        if (!created.Succeeded)
        {
            return (InvitationOutcome.AlreadyExists, null);
        }

        return (InvitationOutcome.Sent, await LinkForAsync(account, publicBase));
    }

    public async Task<Invitation> LinkForAsync(StaffAccount account, Uri publicBase)
    {
        ArgumentNullException.ThrowIfNull(account);
        var code = await accounts.GenerateUserTokenAsync(account, InvitationTokenOptions.ProviderName, Purpose);
        var link = new Uri(publicBase, $"account/invitation?account={account.Id}&code={Uri.EscapeDataString(code)}");
        return new Invitation(account, link, time.GetUtcNow() + tokens.Value.TokenLifespan);
    }

    /// <summary>Sets the first password; the link is spent with it (the account's security stamp changes).</summary>
    public async Task<IdentityResult> AcceptAsync(Guid accountId, string code, string password)
    {
        var account = await accounts.FindByIdAsync(accountId.ToString());
        if (account is null || account.JoinedAt is not null || account.DisabledAt is not null
            || !await accounts.VerifyUserTokenAsync(account, InvitationTokenOptions.ProviderName, Purpose, code))
        {
            return IdentityResult.Failed(new IdentityError { Code = "InvitationInvalid", Description = "This invitation link is not valid any more." });
        }

        var added = await accounts.AddPasswordAsync(account, password);
        if (!added.Succeeded)
        {
            return added;
        }

        account.JoinedAt = time.GetUtcNow();
        account.EmailConfirmed = true;
        return await accounts.UpdateAsync(account);
    }
}

/// <summary>Invitation links are data-protected tokens of their own, with their own lifetime.</summary>
public sealed class InvitationTokenOptions : DataProtectionTokenProviderOptions
{
    public const string ProviderName = "Invitation";

    public InvitationTokenOptions()
    {
        Name = ProviderName;
    }
}

public sealed class InvitationTokenProvider(
    IDataProtectionProvider protection, IOptions<InvitationTokenOptions> options, ILogger<DataProtectorTokenProvider<StaffAccount>> logger)
    : DataProtectorTokenProvider<StaffAccount>(protection, options, logger);
