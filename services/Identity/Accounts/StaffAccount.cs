using Microsoft.AspNetCore.Identity;

namespace Quartier.Identity.Accounts;

/// <summary>A person who works with the platform. Residents never have one.</summary>
public sealed class StaffAccount : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>Manages offices and every account; must sign in with a second factor.</summary>
    public bool IsAdministrator { get; set; }

    public DateTimeOffset InvitedAt { get; set; }

    /// <summary>The account that sent the invitation; none for the first administrator, whom an operator invites.</summary>
    public Guid? InvitedBy { get; set; }

    /// <summary>When the person set their password and so took up the invitation.</summary>
    public DateTimeOffset? JoinedAt { get; set; }

    /// <summary>A disabled account cannot sign in, and its sessions and refresh tokens end.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    public List<OfficeMembership> Memberships { get; } = [];

    public bool IsActive => DisabledAt is null && JoinedAt is not null;
}

/// <summary>What a person does for one office; a person may hold one role in each of several offices.</summary>
public sealed class OfficeMembership
{
    public Guid AccountId { get; set; }

    public Guid OfficeId { get; set; }

    public OfficeRole Role { get; set; }
}

public enum OfficeRole
{
    /// <summary>Works the office: appointments, callbacks, volunteers, events.</summary>
    Staff,

    /// <summary>Runs the office: also its opening hours, services, events and staff.</summary>
    Lead,

    /// <summary>Reads the office's reports for the funding programme.</summary>
    Coordinator,
}
