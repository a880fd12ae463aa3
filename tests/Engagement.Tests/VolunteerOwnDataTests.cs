using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartier.Engagement.Data;
using Quartier.Engagement.Volunteers;
using Quartier.ServiceDefaults.Mail;
using Quartier.Testing;

namespace Quartier.Engagement.Tests;

/// <summary>A volunteer's own link: by e-mail in their language, their copy of everything stored, and withdrawing consent at once.</summary>
public sealed class VolunteerOwnDataTests(PlatformInfrastructure platform) : IAsyncLifetime
{
    private const string ManagePath = "/api/engagement/volunteers/manage";
    private SmtpSink smtp = null!;
    private EngagementHost host = null!;
    private Guid officeId;

    public async ValueTask InitializeAsync()
    {
        smtp = await SmtpSink.StartAsync(Cancellation);
        host = await EngagementHost.StartAsync(platform, more: smtp.Settings());
        officeId = await host.RegisterOfficeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        await smtp.DisposeAsync();
    }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_link_arrives_in_the_volunteers_language_shows_everything_stored_and_withdrawing_ends_the_volunteering_and_frees_the_shift()
    {
        var email = $"olena-{Guid.NewGuid():N}@example.org";
        using var signedUp = await host.Client.PostAsJsonAsync($"/api/engagement/offices/{officeId}/volunteers", new
        {
            name = "Olena Koval", email, phone = "+49 3605 444555", languages = new[] { "uk", "de" }, skills = new[] { "Nähen" },
            availability = new[] { VolunteerApi.Slot(DayOfWeek.Tuesday, "14:00", "18:00") }, ageGroup = "Adult",
            consent = true, consentTextVersion = "2026-12-volunteers", messageLanguage = "uk",
        }, Cancellation);
        await Json.EnsureStatusAsync(signedUp, HttpStatusCode.Created);
        var mine = (await signedUp.Content.ReadFromJsonAsync<SignedUp>(Cancellation))!;
        signedUp.Headers.Location!.ToString().Should().Be($"{ManagePath}/{mine.ManagementToken}");
        var other = await host.Client.SignUpApprovedAsync(officeId, VolunteerApi.SignUpBody());

        var letter = (await smtp.WaitForAsync(email)).Single();
        letter.Subject.Should().Contain("волонтер");
        letter.TextBody.Should().Contain($"http://quartier.test/volunteer/{mine.ManagementToken}/my-data");
        (await host.Client.GetFromJsonAsync<JsonElement>($"{ManagePath}/{mine.ManagementToken}", Cancellation)).GetProperty("status").GetString().Should().Be("Pending");

        // Approved, in a shift to come, in a tandem, with hours.
        using (var approved = await host.Client.PostAsync(new Uri($"/api/engagement/volunteers/{mine.Id}/approve", UriKind.Relative), null, Cancellation))
        {
            await Json.EnsureStatusAsync(approved, HttpStatusCode.OK);
        }

        var opportunity = await host.Client.CreateOpportunityAsync(officeId);
        var shift = await host.Client.CreateShiftAsync(opportunity.Id, VolunteerApi.TuesdayInBerlin(2, 15), VolunteerApi.TuesdayInBerlin(2, 17), needed: 2);
        (await host.Client.SignUpForShiftAsync(shift.Id, mine.Id)).Should().Be(HttpStatusCode.Created);
        using (var tandem = await host.Client.PostAsJsonAsync("/api/engagement/tandems",
            new { volunteerId = mine.Id, partnerName = "Mariam (Sprachpatin)", purpose = "Sprachpatenschaft", startsOn = DateOnly.FromDateTime(DateTime.UtcNow) }, Cancellation))
        {
            await Json.EnsureStatusAsync(tandem, HttpStatusCode.Created);
        }

        using (var hours = await host.Client.PostAsJsonAsync($"/api/engagement/volunteers/{mine.Id}/hours",
            new { fieldOfAction = "bildung", date = DateOnly.FromDateTime(DateTime.UtcNow), hours = 3 }, Cancellation))
        {
            await Json.EnsureStatusAsync(hours, HttpStatusCode.Created);
        }

        using var exported = await host.Client.GetAsync(new Uri($"{ManagePath}/{mine.ManagementToken}/personal-data", UriKind.Relative), Cancellation);
        var text = await exported.Content.ReadAsStringAsync(Cancellation);
        exported.StatusCode.Should().Be(HttpStatusCode.OK);
        var copy = JsonDocument.Parse(text).RootElement;
        copy.GetProperty("name").GetString().Should().Be("Olena Koval");
        copy.GetProperty("email").GetString().Should().Be(email);
        copy.GetProperty("phone").GetString().Should().Be("+493605444555");
        copy.GetProperty("skills")[0].GetString().Should().Be("nähen");
        copy.GetProperty("availability")[0].GetProperty("weekday").GetString().Should().Be("Tuesday");
        copy.GetProperty("consentTextVersion").GetString().Should().Be("2026-12-volunteers");
        copy.GetProperty("messageLanguage").GetString().Should().Be("uk");
        copy.GetProperty("status").GetString().Should().Be("Approved");
        copy.GetProperty("hours")[0].GetProperty("hours").GetDecimal().Should().Be(3m);
        copy.GetProperty("shifts")[0].GetProperty("shiftId").GetGuid().Should().Be(shift.Id);
        copy.GetProperty("tandems")[0].GetProperty("purpose").GetString().Should().Be("Sprachpatenschaft");
        copy.GetProperty("messages").GetArrayLength().Should().Be(0, "the message went out, and a sent message keeps neither address nor text");
        text.Should().NotContain("Hanna").And.NotContain("Mariam", "the partner's name is the partner's, and another volunteer's data is theirs");

        using var erased = await host.Client.DeleteAsync(new Uri($"{ManagePath}/{mine.ManagementToken}/personal-data", UriKind.Relative), Cancellation);
        using var again = await host.Client.DeleteAsync(new Uri($"{ManagePath}/{mine.ManagementToken}/personal-data", UriKind.Relative), Cancellation);
        erased.StatusCode.Should().Be(HttpStatusCode.OK);
        (await again.Content.ReadAsStringAsync(Cancellation)).Should().Be(await erased.Content.ReadAsStringAsync(Cancellation), "erasing again answers the same");
        foreach (var path in new[] { $"{ManagePath}/{mine.ManagementToken}", $"{ManagePath}/{mine.ManagementToken}/personal-data" })
        {
            using var opened = await host.Client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);
            opened.StatusCode.Should().Be(HttpStatusCode.NotFound, $"{path} opens nothing once erased");
        }

        var staffView = (await host.Client.GetFromJsonAsync<VolunteerResponse>($"/api/engagement/volunteers/{mine.Id}", Json.Options, Cancellation))!;
        staffView.Should().BeEquivalentTo(new { Name = (string?)null, Email = (string?)null, Phone = (string?)null, Status = VolunteerStatus.Ended });
        staffView.Languages.Should().Equal("uk", "de");
        (await host.Client.GetFromJsonAsync<JsonElement>($"/api/engagement/shifts/{shift.Id}", Cancellation)).GetProperty("signedUp").GetInt32()
            .Should().Be(0, "the place in the shift to come is free again");
        (await host.Client.GetFromJsonAsync<HoursSummaryView>($"/api/engagement/hours/summary?volunteerId={mine.Id}", Cancellation))!.Total.Should().Be(3m, "hours stay for the statistics");
        (await host.Client.GetFromJsonAsync<VolunteerResponse>($"/api/engagement/volunteers/{other}", Json.Options, Cancellation))!.Name.Should().Be("Hanna Schulz");

        await using var scope = host.Service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngagementDbContext>();
        (await db.Tandems.AsNoTracking().SingleAsync(t => t.VolunteerId == mine.Id, Cancellation)).EndedAt.Should().NotBeNull("a tandem without its volunteer ends");
        (await db.Set<OutgoingMail>().AnyAsync(mail => mail.About == mine.Id && (mail.Recipient != null || mail.Content != null), Cancellation)).Should().BeFalse();
        (await DatabaseText.RowsContainingAsync(db.Database.GetConnectionString()!, ["Olena Koval", email, "+493605444555"], Cancellation))
            .Should().BeEmpty("nothing she gave is left in any table");
    }

    private sealed record SignedUp(Guid Id, string ManagementToken);

    private sealed record HoursSummaryView(decimal Total);
}
