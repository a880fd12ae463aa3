using System.ComponentModel.DataAnnotations;

namespace Quartier.Identity.Accounts;

public sealed record MembershipRequest([property: Required] Guid? OfficeId, [property: Required] OfficeRole? Role);

public sealed record InvitationRequest(
    [property: Required, EmailAddress, MaxLength(256)] string? Email,
    [property: Required, MinLength(2), MaxLength(200)] string? Name,
    bool Administrator,
    [property: MaxLength(50)] List<MembershipRequest>? Memberships);

/// <summary>The link goes to the person invited (by e-mail once the platform sends mail); it works once, until <paramref name="ExpiresAt"/>.</summary>
public sealed record InvitationSent(Guid AccountId, string Email, Uri InvitationLink, DateTimeOffset ExpiresAt);

public sealed record MembershipView(Guid OfficeId, OfficeRole Role);

public sealed record AccountView(
    Guid Id, string Email, string Name, bool Administrator, bool TwoFactorEnabled,
    DateTimeOffset InvitedAt, DateTimeOffset? JoinedAt, DateTimeOffset? DisabledAt, IReadOnlyList<MembershipView> Memberships)
{
    public static AccountView Of(StaffAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new(account.Id, account.Email!, account.DisplayName, account.IsAdministrator, account.TwoFactorEnabled,
            account.InvitedAt, account.JoinedAt, account.DisabledAt,
            account.Memberships.OrderBy(m => m.OfficeId).Select(m => new MembershipView(m.OfficeId, m.Role)).ToList());
    }
}

public sealed record MembershipsRequest([property: Required, MaxLength(50)] List<MembershipRequest>? Memberships);
