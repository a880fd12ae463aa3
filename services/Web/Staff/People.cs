using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Quartier.ServiceDefaults.Security;

namespace Quartier.Web.Staff;

/// <summary>
/// Who may place whom where, as the identity service decides it (shown so the console offers only what
/// will be accepted): administrators give any role in any office; an office's lead places staff in it.
/// </summary>
public static class People
{
    private const string Page = "/staff/people";

    public static bool MayManage(ClaimsPrincipal user) => user.IsAdministrator() || user.Offices(StaffClaims.OfficeLead).Count > 0;

    public static bool MayPlaceIn(ClaimsPrincipal user, Guid officeId) => user.Leads(officeId);

    public static IReadOnlyList<string> RolesFor(ClaimsPrincipal user) => user.IsAdministrator() ? StaffApi.Roles : ["Staff"];

    public static bool Manages(ClaimsPrincipal user, StaffMembership membership) =>
        user.IsAdministrator() || (membership.Role == "Staff" && user.HasClaim(StaffClaims.OfficeLead, membership.OfficeId.ToString()));

    public static IEndpointRouteBuilder MapPeopleActions(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup(Page + "/{accountId:guid}")
            .RequireAuthorization(StaffSignIn.Policy)
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();
        account.MapPost("/memberships/add", (Guid accountId, [FromForm] MembershipForm form, ClaimsPrincipal user, StaffApi staff, CancellationToken cancellationToken) =>
            ChangeMembershipsAsync(accountId, user, staff, "MembershipAdded", current => form.OfficeId is { } office && StaffApi.Roles.Contains(form.Role)
                ? [new StaffMembership(office, form.Role!), .. current.Where(m => m.OfficeId != office)]
                : null, cancellationToken));
        account.MapPost("/memberships/remove", (Guid accountId, [FromForm] MembershipForm form, ClaimsPrincipal user, StaffApi staff, CancellationToken cancellationToken) =>
            ChangeMembershipsAsync(accountId, user, staff, "MembershipRemoved", current => form.OfficeId is { } office
                ? [.. current.Where(m => m.OfficeId != office)]
                : null, cancellationToken));
        account.MapPost("/disable", (Guid accountId, StaffApi staff, CancellationToken cancellationToken) =>
            StaffActions.RecordAsync(Page, "AccountDisabled", () => staff.DisableAccountAsync(accountId, cancellationToken)));
        return app;
    }

    /// <summary>
    /// The identity service replaces the memberships the caller manages with those sent and keeps the
    /// others: so only the managed ones are sent, changed as wanted.
    /// </summary>
    private static Task<IResult> ChangeMembershipsAsync(
        Guid accountId, ClaimsPrincipal user, StaffApi staff, string success, Func<IReadOnlyList<StaffMembership>, IReadOnlyList<StaffMembership>?> change, CancellationToken cancellationToken) =>
        StaffActions.RecordAsync(Page, success, async () =>
        {
            if ((await staff.AccountsAsync(cancellationToken))?.SingleOrDefault(a => a.Id == accountId) is not { } account)
            {
                return StaffOutcome.NotFound;
            }

            return change([.. account.Memberships.Where(m => Manages(user, m))]) is { } wanted
                ? await staff.SetMembershipsAsync(accountId, wanted, cancellationToken)
                : StaffOutcome.Invalid;
        });

    public sealed class MembershipForm
    {
        public Guid? OfficeId { get; init; }

        public string? Role { get; init; }
    }
}
