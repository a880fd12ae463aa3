using System.Net.Http.Json;
using FluentAssertions;
using Quartier.Testing;

namespace Quartier.EndToEnd.Tests;

/// <summary>Accounts as people get them: an invitation by someone allowed to give it, taken up with a password.</summary>
internal static class StaffAccounts
{
    public static async Task<HttpResponseMessage> InviteAsync(this PlatformFixture platform, StaffSession inviter, string email, string name, Guid officeId, string role)
    {
        using var plain = new HttpClient { BaseAddress = platform.Gateway.BaseAddress };
        return await plain.SendAsync(inviter.Authorized(HttpMethod.Post, "/api/identity/invitations", new
        {
            email,
            name,
            memberships = new[] { new { officeId, role } },
        }), TestContext.Current.CancellationToken);
    }

    /// <summary>The administrator invites the person into the office; they set <see cref="PlatformFixture.Password"/>.</summary>
    public static async Task CreateAsync(this PlatformFixture platform, string email, string name, Guid officeId, string role)
    {
        using var invitation = await platform.InviteAsync(platform.Administrator, email, name, officeId, role);
        invitation.StatusCode.Should().Be(System.Net.HttpStatusCode.Created);
        var link = (await invitation.Content.ReadFromJsonAsync<InvitationView>(TestContext.Current.CancellationToken))!.InvitationLink;
        await StaffSession.AcceptInvitationAsync(platform.Gateway.BaseAddress, link, PlatformFixture.Password);
    }

    /// <summary>What a resident sends to volunteer at an office: Hanna, German and Ukrainian, homework help on Tuesday afternoons.</summary>
    public static object VolunteerSignUp(string phone) => new
    {
        name = "Hanna Schulz",
        phone,
        languages = new[] { "de", "uk" },
        skills = new[] { "Hausaufgabenhilfe" },
        availability = new[] { new { weekday = "Tuesday", from = "15:00", to = "17:00" } },
        ageGroup = "Adult",
        consent = true,
        consentTextVersion = "2026-12-volunteers",
    };

    internal sealed record InvitationView(Guid AccountId, string InvitationLink);
}
