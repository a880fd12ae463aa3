using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartier.Contracts.Staff;
using Quartier.Identity.AccessRecords;
using Quartier.Identity.Accounts;
using Quartier.Identity.Data;
using Quartier.Testing;

namespace Quartier.Identity.Tests;

/// <summary>Accounts, sign-in and tokens as staff and operators meet them, against the real PostgreSQL and RabbitMQ.</summary>
public sealed class IdentityTests(PlatformInfrastructure platform) : IAsyncLifetime
{
    private static readonly Guid Office = Guid.NewGuid();
    private IdentityHost host = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => host = await IdentityHost.StartAsync(platform);

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Every_endpoint_is_public_or_protected_and_protected_ones_refuse_tokens_they_did_not_issue()
    {
        EndpointChoices.WithoutChoice(host.Services).Should().BeEmpty();
        EndpointChoices.Protected(host.Services).Should().Contain(e => e.Pattern == "/api/identity/access-records" && e.Policy == "office-lead");
        using var anonymous = host.Factory.CreateClient();
        (await AuthorizationChecks.NotUnauthorizedAsync(anonymous, host.Services, "identity")).Should().BeEmpty();
    }

    [Fact]
    public async Task Access_tokens_are_short_lived_and_carry_the_person_s_roles_and_office_memberships()
    {
        using var lead = await host.SignedInAsync("lead@office.test", memberships: (Office, OfficeRole.Lead));

        StaffSession.ClaimOf(lead.AccessToken, "office_lead").Should().Be(Office.ToString());
        StaffSession.ClaimOf(lead.AccessToken, "aud").Should().Contain("bookings").And.Contain("reporting");
        var lifetime = long.Parse(StaffSession.ClaimOf(lead.AccessToken, "exp"), System.Globalization.CultureInfo.InvariantCulture)
            - long.Parse(StaffSession.ClaimOf(lead.AccessToken, "iat"), System.Globalization.CultureInfo.InvariantCulture);
        lifetime.Should().BeLessThanOrEqualTo(15 * 60);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_even_the_right_one_is_refused_then()
    {
        var link = await host.InviteAsync("locked@office.test", "Lock Test", memberships: (Office, OfficeRole.Staff));
        await StaffSession.AcceptInvitationAsync(host.Address, link, IdentityHost.Password, host.NewBrowser());
        using var browser = host.NewBrowser();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await StaffSession.PostPasswordAsync(browser, "locked@office.test", "not the password at all");
            wrong.StatusCode.Should().Be(HttpStatusCode.OK, "the form comes back with the error");
        }

        using var right = await StaffSession.PostPasswordAsync(browser, "locked@office.test", IdentityHost.Password);
        right.StatusCode.Should().Be(HttpStatusCode.OK, "a locked account does not sign in");
        (await right.Content.ReadAsStringAsync(Cancellation)).Should().Contain("15 Minuten gesperrt");
    }

    [Fact]
    public async Task Common_short_and_personal_passwords_are_refused_next_to_the_field_and_the_link_stays_usable()
    {
        var link = new Uri(await host.InviteAsync("newcomer@office.test", "Nadia Newcomer", memberships: (Office, OfficeRole.Staff)));
        foreach (var (password, message) in new[]
        {
            ("kurz", "mindestens 12 Zeichen"),
            ("passwort1234", "häufigsten"),
            ("Nadia Newcomer in Leinefelde", "Namen oder Ihre E-Mail-Adresse"),
        })
        {
            using var browser = host.NewBrowser();
            using var page = await browser.GetAsync(link.PathAndQuery, Cancellation);
            var html = await page.Content.ReadAsStringAsync(Cancellation);
            var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
            var query = System.Web.HttpUtility.ParseQueryString(link.Query);
            using var answer = await browser.PostAsync(link.PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Account"] = query["account"]!, ["Code"] = query["code"]!, ["Password"] = password, ["Repeat"] = password, ["__RequestVerificationToken"] = token,
            }), Cancellation);
            var result = WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync(Cancellation));
            result.Should().Contain(message).And.Contain("id=\"Password-error\"").And.Contain("aria-describedby=\"Password-hint Password-error\"");
        }

        await StaffSession.AcceptInvitationAsync(host.Address, link.ToString(), IdentityHost.Password, host.NewBrowser());
    }

    [Fact]
    public async Task A_disabled_account_can_neither_refresh_its_token_nor_sign_in_again()
    {
        using var administrator = await host.SignedInAsync("admin@office.test", administrator: true);
        using var staff = await host.SignedInAsync("leaving@office.test", memberships: (Office, OfficeRole.Staff));
        using var client = host.Factory.CreateClient();

        using var refusedToStaff = await client.SendAsync(staff.Authorized(HttpMethod.Post, $"/api/identity/accounts/{staff.Subject}/disable"), Cancellation);
        using var disabled = await client.SendAsync(administrator.Authorized(HttpMethod.Post, $"/api/identity/accounts/{staff.Subject}/disable"), Cancellation);
        using var refresh = await staff.TryRefreshAsync();
        using var signIn = await StaffSession.PostPasswordAsync(host.NewBrowser(), "leaving@office.test", IdentityHost.Password);

        refusedToStaff.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        disabled.StatusCode.Should().Be(HttpStatusCode.OK);
        refresh.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refresh.Content.ReadAsStringAsync(Cancellation)).Should().Contain("invalid_grant");
        signIn.StatusCode.Should().Be(HttpStatusCode.OK, "the sign-in form comes back instead of a redirect");
    }

    [Fact]
    public async Task The_access_record_keeps_each_reported_read_once_for_administrators_and_the_office_s_lead_only_until_its_retention_ends()
    {
        using var administrator = await host.SignedInAsync("auditor@office.test", administrator: true);
        using var staff = await host.SignedInAsync("reader@office.test", memberships: (Office, OfficeRole.Lead));
        var read = new PersonalDataRead(Guid.NewGuid(), staff.Subject, "bookings", Office, "day-list", [Guid.NewGuid(), Guid.NewGuid()], DateTimeOffset.UtcNow);
        var messageId = Guid.NewGuid();
        await host.PublishAsync(read, messageId);
        await host.PublishAsync(read, messageId);
        var old = new AccessRecord { Id = Guid.NewGuid(), Actor = staff.Subject, Service = "engagement", OfficeId = Office, Purpose = "volunteers", ReadAt = DateTimeOffset.UtcNow.AddYears(-3) };
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            db.AccessRecords.Add(old);
            await db.SaveChangesAsync(Cancellation);
        }

        using var client = host.Factory.CreateClient();
        List<AccessRecordView> records = [];
        for (var attempt = 0; attempt < 100 && !records.Any(r => r.Id == read.AccessId); attempt++)
        {
            await Task.Delay(100, Cancellation);
            using var answer = await client.SendAsync(administrator.Authorized(HttpMethod.Get, $"/api/identity/access-records?officeId={Office}"), Cancellation);
            answer.StatusCode.Should().Be(HttpStatusCode.OK);
            records = (await answer.Content.ReadFromJsonAsync<List<AccessRecordView>>(Cancellation))!;
        }

        records.Where(r => r.Id == read.AccessId).Should().ContainSingle("a redelivered report is kept once")
            .Which.Should().BeEquivalentTo(new { Actor = staff.Subject, ActorName = "reader", Service = "bookings", Purpose = "day-list", read.RecordIds });
        using var clerk = await host.SignedInAsync("clerk@office.test", memberships: (Office, OfficeRole.Staff));
        using var otherLead = await host.SignedInAsync("elsewhere@office.test", memberships: (Guid.NewGuid(), OfficeRole.Lead));
        using var byLead = await client.SendAsync(staff.Authorized(HttpMethod.Get, $"/api/identity/access-records?officeId={Office}"), Cancellation);
        using var refusedToStaff = await client.SendAsync(clerk.Authorized(HttpMethod.Get, $"/api/identity/access-records?officeId={Office}"), Cancellation);
        using var refusedToOtherLead = await client.SendAsync(otherLead.Authorized(HttpMethod.Get, $"/api/identity/access-records?officeId={Office}"), Cancellation);
        using var otherLeadsOwn = await client.SendAsync(otherLead.Authorized(HttpMethod.Get, "/api/identity/access-records"), Cancellation);
        (await byLead.Content.ReadFromJsonAsync<List<AccessRecordView>>(Cancellation)).Should().Contain(r => r.Id == read.AccessId, "the office answers for who read its residents' data");
        refusedToStaff.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        refusedToOtherLead.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await otherLeadsOwn.Content.ReadFromJsonAsync<List<AccessRecordView>>(Cancellation)).Should().NotContain(r => r.OfficeId == Office);

        await using (var scope = host.Services.CreateAsyncScope())
        {
            (await ActivatorUtilities.CreateInstance<AccessRecordRetention>(scope.ServiceProvider).RunOnceAsync(Cancellation)).Should().Contain("deleted 1");
            var kept = await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().AccessRecords.Where(r => r.OfficeId == Office).Select(r => r.Id).ToListAsync(Cancellation);
            kept.Should().Equal(read.AccessId);
        }
    }

    [Fact]
    public async Task A_machine_client_gets_a_token_with_its_secret_and_none_with_a_wrong_one()
    {
        using var client = host.Factory.CreateClient();
        using var granted = await client.PostAsync("/connect/token", Credentials(IdentityHost.MachineSecret), Cancellation);
        using var refused = await client.PostAsync("/connect/token", Credentials("guessed"), Cancellation);
        using var password = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = "admin@office.test", ["password"] = IdentityHost.Password, ["client_id"] = "staff-console",
        }), Cancellation);

        granted.StatusCode.Should().Be(HttpStatusCode.OK);
        var token = (await granted.Content.ReadFromJsonAsync<TokenAnswer>(Cancellation))!.Access_token;
        StaffSession.ClaimOf(token, "sub").Should().Be(IdentityHost.MachineClient);
        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        password.StatusCode.Should().Be(HttpStatusCode.BadRequest, "there is no password grant");
    }

    private static FormUrlEncodedContent Credentials(string secret) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials", ["client_id"] = IdentityHost.MachineClient, ["client_secret"] = secret, ["scope"] = "api",
    });

    private sealed record TokenAnswer(string Access_token);
}
