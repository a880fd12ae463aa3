using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Quartier.Engagement.Hours;
using Quartier.Engagement.Privacy;
using Quartier.Engagement.Registrations;
using Quartier.Engagement.Tandems;
using Quartier.Engagement.Volunteers;
using Quartier.ServiceDefaults.Privacy;
using Quartier.Testing;

namespace Quartier.Engagement.Tests;

/// <summary>Its own database: the instance with a clock months ahead erases what is past retention there.</summary>
public sealed class RetentionTests(PlatformInfrastructure platform) : IAsyncLifetime
{
    private EngagementHost host = null!;
    private Guid officeId;

    public async ValueTask InitializeAsync()
    {
        host = await EngagementHost.StartAsync(platform);
        officeId = await host.RegisterOfficeAsync();
    }

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Personal_data_of_past_registrations_and_ended_volunteers_is_erased_after_the_retention_period_and_the_counts_stay()
    {
        var scheduled = await host.ScheduleEventAsync(officeId, 10);
        using var registered = await host.Client.PostAsJsonAsync($"/api/engagement/events/{scheduled.Id}/registrations",
            new { name = "Familie Haddad", email = "haddad@example.org", people = 4, consent = true, consentTextVersion = "2026-12-events" }, Cancellation);
        var registration = (await registered.Content.ReadFromJsonAsync<Registered>(Cancellation))!;
        var leaving = await host.Client.SignUpApprovedAsync(officeId, VolunteerApi.SignUpBody());
        var staying = await host.Client.SignUpApprovedAsync(officeId, VolunteerApi.SignUpBody());
        using var tandemResponse = await host.Client.PostAsJsonAsync("/api/engagement/tandems",
            new { volunteerId = leaving, partnerName = "Lina (5. Klasse)", purpose = "Lesepatenschaft", startsOn = DateOnly.FromDateTime(DateTime.UtcNow) }, Cancellation);
        var tandem = (await tandemResponse.Content.ReadFromJsonAsync<TandemResponse>(Cancellation))!;
        using var hours = await host.Client.PostAsJsonAsync($"/api/engagement/volunteers/{leaving}/hours",
            new { fieldOfAction = "bildung", date = DateOnly.FromDateTime(DateTime.UtcNow), hours = 2 }, Cancellation);
        await Json.EnsureStatusAsync(hours, HttpStatusCode.Created);
        using var endTandem = await host.Client.PostAsync(new Uri($"/api/engagement/tandems/{tandem.Id}/end", UriKind.Relative), null, Cancellation);
        using var end = await host.Client.PostAsync(new Uri($"/api/engagement/volunteers/{leaving}/end", UriKind.Relative), null, Cancellation);
        await Json.EnsureStatusAsync(end, HttpStatusCode.OK);

        // Nothing is due yet on today's clock.
        var today = await host.Service.Services.GetRequiredService<PersonalDataRetention>().EraseExpiredAsync(Cancellation);
        today.Should().Be(new ErasedCounts(0, 0, 0));

        // 100 days on, with volunteers kept for 60 days after they ended: all three are due.
        var later = host.StartWithClockAhead(TimeSpan.FromDays(100), new Dictionary<string, string> { ["Retention:Volunteers"] = "60" });
        using var laterClient = later.CreateStaffClient();
        await later.Services.GetRequiredService<PersonalDataRetention>().EraseExpiredAsync(Cancellation);

        var list = (await host.Client.GetFromJsonAsync<List<StaffRegistrationResponse>>($"/api/engagement/events/{scheduled.Id}/registrations", Cancellation))!;
        list.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Name = (string?)null, Email = (string?)null, People = 4, Status = RegistrationStatus.Confirmed });
        using var link = await host.Client.GetAsync(new Uri(registration.ManagementUrl, UriKind.Relative), Cancellation);
        link.StatusCode.Should().Be(HttpStatusCode.NotFound, "the management link dies with the personal data");

        var ended = (await host.Client.GetFromJsonAsync<VolunteerResponse>($"/api/engagement/volunteers/{leaving}", Json.Options, Cancellation))!;
        ended.Should().BeEquivalentTo(new { Name = (string?)null, Email = (string?)null, Status = VolunteerStatus.Ended });
        ended.Languages.Should().NotBeEmpty("what is not personal stays for the statistics");
        (await host.Client.GetFromJsonAsync<VolunteerResponse>($"/api/engagement/volunteers/{staying}", Json.Options, Cancellation))!.Name.Should().Be("Hanna Schulz");
        (await host.Client.GetFromJsonAsync<TandemResponse>($"/api/engagement/tandems/{tandem.Id}", Cancellation))!.PartnerName.Should().BeNull();
        (await host.Client.GetFromJsonAsync<HoursSummary>($"/api/engagement/hours/summary?volunteerId={leaving}", Cancellation))!.Total.Should().Be(2m);
    }

    [Fact]
    public async Task An_office_that_keeps_registrations_14_days_and_volunteers_30_loses_them_then_while_another_office_keeps_its_own()
    {
        var other = await host.RegisterOfficeAsync("Stadtteilbüro Nord");
        var retention = $"/api/engagement/offices/{officeId}/retention";
        using (var tooLong = await host.Client.PutAsJsonAsync($"{retention}/volunteers", new { days = 1000 }, Cancellation))
        {
            tooLong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await tooLong.Content.ReadAsStringAsync(Cancellation)).Should().Contain("between 30 and 730 days");
        }

        (await host.Client.PutAsJsonAsync($"{retention}/registrations", new { days = 14 }, Cancellation)).EnsureSuccessStatusCode();
        (await host.Client.PutAsJsonAsync($"{retention}/volunteers", new { days = 30 }, Cancellation)).EnsureSuccessStatusCode();
        var settings = (await host.Client.GetFromJsonAsync<List<RetentionSetting>>(retention, Cancellation))!;
        settings.Select(s => (s.Kind, s.Days, s.OwnChoice)).Should().Equal(("registrations", 14, true), ("volunteers", 30, true));

        var registrations = new Dictionary<Guid, Guid>();
        var volunteers = new Dictionary<Guid, Guid>();
        foreach (var office in new[] { officeId, other })
        {
            var scheduled = await host.ScheduleEventAsync(office, 10);
            using var registered = await host.Client.PostAsJsonAsync($"/api/engagement/events/{scheduled.Id}/registrations",
                new { name = "Familie Haddad", email = "haddad@example.org", people = 2, consent = true, consentTextVersion = "2026-12-events" }, Cancellation);
            await Json.EnsureStatusAsync(registered, HttpStatusCode.Created);
            registrations[office] = scheduled.Id;
            volunteers[office] = await host.Client.SignUpApprovedAsync(office, VolunteerApi.SignUpBody());
            using var end = await host.Client.PostAsync(new Uri($"/api/engagement/volunteers/{volunteers[office]}/end", UriKind.Relative), null, Cancellation);
            await Json.EnsureStatusAsync(end, HttpStatusCode.OK);
        }

        // A month on (the job also runs when the instance starts): the events ended 24 days ago and the volunteers 31 days ago.
        var later = host.StartWithClockAhead(TimeSpan.FromDays(31));
        await later.Services.GetRequiredService<PersonalDataRetention>().EraseExpiredAsync(Cancellation);

        async Task<string?> RegisteredNameAsync(Guid office) =>
            (await host.Client.GetFromJsonAsync<List<StaffRegistrationResponse>>($"/api/engagement/events/{registrations[office]}/registrations", Cancellation))!.Single().Name;
        async Task<string?> VolunteerNameAsync(Guid office) =>
            (await host.Client.GetFromJsonAsync<VolunteerResponse>($"/api/engagement/volunteers/{volunteers[office]}", Json.Options, Cancellation))!.Name;
        (await RegisteredNameAsync(officeId)).Should().BeNull("this office keeps registrations 14 days after the event");
        (await VolunteerNameAsync(officeId)).Should().BeNull("this office keeps volunteers 30 days after they ended");
        (await RegisteredNameAsync(other)).Should().Be("Familie Haddad", "the other office keeps the deployment's 90 days");
        (await VolunteerNameAsync(other)).Should().Be("Hanna Schulz", "the other office keeps the deployment's 365 days");
    }
}
