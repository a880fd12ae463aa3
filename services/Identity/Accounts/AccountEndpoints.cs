using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using Quartier.Identity.Data;
using Quartier.Identity.Invitations;
using Quartier.Identity.Tokens;
using Quartier.ServiceDefaults.Security;

namespace Quartier.Identity.Accounts;

/// <summary>Accounts and memberships: administrators manage all; an office's lead invites and places staff in it.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        var invitations = app.MapGroup("/api/identity/invitations").WithTags("Accounts").RequireStaffToken(StaffPolicies.OfficeLead);
        invitations.MapPost("/", Invite).WithName("InviteStaff")
            .WithSummary("Invite a person: administrators give any role, a lead invites staff into their offices")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);

        var accounts = app.MapGroup("/api/identity/accounts").WithTags("Accounts").RequireStaffToken(StaffPolicies.OfficeLead);
        accounts.MapGet("/", List).WithName("ListAccounts").WithSummary("Accounts: all for administrators, those of their offices for a lead");
        accounts.MapPut("/{accountId:guid}/memberships", SetMemberships).WithName("SetMemberships")
            .WithSummary("Set a person's memberships in the offices the caller may manage")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        accounts.MapPost("/{accountId:guid}/disable", Disable).WithName("DisableAccount")
            .WithSummary("Disable an account: it cannot sign in, and its sessions and refresh tokens end")
            .RequireStaffToken(StaffPolicies.Administrator).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Created<InvitationSent>, ProblemHttpResult>> Invite(
        InvitationRequest request, ClaimsPrincipal user, StaffInvitations invitations, IOptions<IdentityServerOptions> options, HttpContext http)
    {
        var memberships = (request.Memberships ?? []).Select(m => (m.OfficeId!.Value, m.Role!.Value)).Distinct().ToList();
        if (!StaffInvitations.MayInvite(user, request.Administrator, memberships))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "You may not give these roles.",
                detail: "Administrators give any role; an office's lead invites staff into the offices they lead.");
        }

        var (outcome, invitation) = await invitations.InviteAsync(
            AccountId(user), request.Email!.Trim(), request.Name!.Trim(), request.Administrator, memberships, options.Value.PublicBase(http.Request));
        if (outcome == InvitationOutcome.AlreadyExists)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "An account with this e-mail address exists already.");
        }

        var sent = new InvitationSent(invitation!.Account.Id, invitation.Account.Email!, invitation.Link, invitation.ExpiresAt);
        return TypedResults.Created($"/api/identity/accounts/{sent.AccountId}", sent);
    }

    private static async Task<Ok<List<AccountView>>> List(ClaimsPrincipal user, IdentityDbContext db, CancellationToken cancellationToken)
    {
        var query = db.Users.AsNoTracking().Include(a => a.Memberships).AsQueryable();
        if (!user.IsAdministrator())
        {
            var led = user.Offices(StaffClaims.OfficeLead);
            query = query.Where(a => a.Memberships.Any(m => led.Contains(m.OfficeId)));
        }

        var found = await query.OrderBy(a => a.DisplayName).ThenBy(a => a.Email).Take(1000).ToListAsync(cancellationToken);
        return TypedResults.Ok(found.Select(AccountView.Of).ToList());
    }

    private static async Task<Results<Ok<AccountView>, NotFound, ProblemHttpResult>> SetMemberships(
        Guid accountId, MembershipsRequest request, ClaimsPrincipal user, IdentityDbContext db, CancellationToken cancellationToken)
    {
        var account = await db.Users.Include(a => a.Memberships).FirstOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null)
        {
            return TypedResults.NotFound();
        }

        var wanted = request.Memberships!.Select(m => (OfficeId: m.OfficeId!.Value, Role: m.Role!.Value)).DistinctBy(m => m.OfficeId).ToList();
        // A lead changes staff memberships in the offices they lead and leaves every other membership as it is.
        var administrator = user.IsAdministrator();
        bool Manages(Guid office, OfficeRole role) => administrator || (role == OfficeRole.Staff && user.HasClaim(StaffClaims.OfficeLead, office.ToString()));
        var kept = account.Memberships.Where(m => !Manages(m.OfficeId, m.Role)).ToList();
        if (wanted.Any(m => !Manages(m.OfficeId, m.Role) || kept.Any(k => k.OfficeId == m.OfficeId)))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "You may not change these memberships.",
                detail: "An office's lead places staff in the offices they lead; other roles are given by administrators.");
        }

        account.Memberships.RemoveAll(m => Manages(m.OfficeId, m.Role));
        account.Memberships.AddRange(wanted.Select(m => new OfficeMembership { AccountId = account.Id, OfficeId = m.OfficeId, Role = m.Role }));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(AccountView.Of(account));
    }

    private static async Task<Results<Ok<AccountView>, NotFound>> Disable(
        Guid accountId, UserManager<StaffAccount> accounts, IOpenIddictTokenManager tokens, TimeProvider time, CancellationToken cancellationToken)
    {
        var account = await accounts.Users.Include(a => a.Memberships).FirstOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null)
        {
            return TypedResults.NotFound();
        }

        account.DisabledAt ??= time.GetUtcNow();
        await accounts.UpdateAsync(account);
        // A new stamp ends the sign-in cookie's sessions; revoking ends the refresh tokens. Access tokens
        // already issued run out within their short lifetime.
        await accounts.UpdateSecurityStampAsync(account);
        await tokens.RevokeBySubjectAsync(account.Id.ToString(), cancellationToken);
        return TypedResults.Ok(AccountView.Of(account));
    }

    private static Guid? AccountId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(StaffClaims.Subject), out var id) ? id : null;
}
