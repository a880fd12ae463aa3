using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using Quartier.Testing;

namespace Quartier.EndToEnd.Tests;

/// <summary>
/// Getting an account and what it opens, through the gateway: the administrator invites an office's
/// lead, the lead invites staff for their office only, and the staff member, signed in with the code
/// flow, reads their office's day list and nothing of another's, nor the access record.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class IdentityFlowTests(PlatformFixture platform)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_invited_lead_sets_up_a_second_factor_invites_staff_who_read_their_office_s_day_list_only_and_not_the_access_record()
    {
        var officeA = await RegisterOfficeAsync();
        var officeB = await RegisterOfficeAsync();
        var gateway = platform.Gateway.BaseAddress;
        string leadKey;

        var leadInvitation = await platform.InviteAsync(platform.Administrator, "lead@quartier.test", "Lea Lead", officeA, "Lead");
        leadInvitation.StatusCode.Should().Be(HttpStatusCode.Created);
        await StaffSession.AcceptInvitationAsync(gateway, (await leadInvitation.Content.ReadFromJsonAsync<StaffAccounts.InvitationView>(Cancellation))!.InvitationLink, PlatformFixture.Password);
        using (var firstSignIn = await StaffSession.SignInAsync(gateway, "lead@quartier.test", PlatformFixture.Password))
        {
            await firstSignIn.EnableSecondFactorAsync();
            leadKey = firstSignIn.AuthenticatorKey!;
        }

        var withoutCode = async () => await StaffSession.SignInAsync(gateway, "lead@quartier.test", PlatformFixture.Password);
        await withoutCode.Should().ThrowAsync<InvalidOperationException>("the lead chose a second factor, so the password alone no longer signs in");
        using var lead = await StaffSession.SignInAsync(gateway, "lead@quartier.test", PlatformFixture.Password, leadKey);

        using var staffOfB = await platform.InviteAsync(lead, "other@quartier.test", "Not Mine", officeB, "Staff");
        using var anotherLead = await platform.InviteAsync(lead, "second-lead@quartier.test", "Not Allowed", officeA, "Lead");
        var staffInvitation = await platform.InviteAsync(lead, "staff@quartier.test", "Sam Staff", officeA, "Staff");
        staffOfB.StatusCode.Should().Be(HttpStatusCode.Forbidden, "a lead invites staff into the offices they lead");
        anotherLead.StatusCode.Should().Be(HttpStatusCode.Forbidden, "leads are appointed by administrators");
        staffInvitation.StatusCode.Should().Be(HttpStatusCode.Created);
        var link = (await staffInvitation.Content.ReadFromJsonAsync<StaffAccounts.InvitationView>(Cancellation))!.InvitationLink;
        await StaffSession.AcceptInvitationAsync(gateway, link, PlatformFixture.Password);
        var spent = async () => await StaffSession.AcceptInvitationAsync(gateway, link, "Ein anderes langes Passwort");
        await spent.Should().ThrowAsync<InvalidOperationException>("an invitation link works once");

        using var staff = await StaffSession.SignInAsync(gateway, "staff@quartier.test", PlatformFixture.Password);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var plain = new HttpClient { BaseAddress = gateway };
        using var anonymous = await plain.GetAsync(new Uri($"/api/bookings/offices/{officeA}/appointments?date={today:yyyy-MM-dd}", UriKind.Relative), Cancellation);
        using var mine = await plain.SendAsync(staff.Authorized(HttpMethod.Get, $"/api/bookings/offices/{officeA}/appointments?date={today:yyyy-MM-dd}"), Cancellation);
        using var theirs = await plain.SendAsync(staff.Authorized(HttpMethod.Get, $"/api/bookings/offices/{officeB}/appointments?date={today:yyyy-MM-dd}"), Cancellation);
        using var forged = await plain.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/bookings/offices/{officeA}/appointments?date={today:yyyy-MM-dd}")
        {
            Headers = { Authorization = new("Bearer", staff.AccessToken[..^4] + "AAAA") },
        }, Cancellation);

        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        anonymous.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        forged.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        theirs.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        mine.StatusCode.Should().Be(HttpStatusCode.OK);

        using var queue = await plain.SendAsync(staff.Authorized(HttpMethod.Get, $"/api/bookings/offices/{officeA}/callbacks/queue"), Cancellation);
        queue.StatusCode.Should().Be(HttpStatusCode.OK);
        using var refused = await plain.SendAsync(staff.Authorized(HttpMethod.Get, $"/api/identity/access-records?officeId={officeA}"), Cancellation);
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden, "the access record is for administrators");
    }

    private async Task<Guid> RegisterOfficeAsync()
    {
        using var created = await platform.Client.PostAsJsonAsync("/api/offices", OfficeFlowTests.SuedstadtOffice(), Cancellation);
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var officeId = (await created.Content.ReadFromJsonAsync<IdView>(Cancellation))!.Id;
        await platform.WaitForAsync<IdView>($"/api/bookings/offices/{officeId}", PlatformFixture.ArrivalTimeout);
        return officeId;
    }

    private sealed record IdView(Guid Id);
}
