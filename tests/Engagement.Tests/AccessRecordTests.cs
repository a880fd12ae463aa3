using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using Quartier.Contracts.Staff;
using Quartier.Testing;

namespace Quartier.Engagement.Tests;

/// <summary>Every answer that shows staff a volunteer's or resident's name is in the access record, not only the lists.</summary>
public sealed class AccessRecordTests(PlatformInfrastructure platform) : IAsyncLifetime
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
    public async Task Approving_a_volunteer_forming_and_ending_a_tandem_and_asking_for_matches_are_recorded_with_the_records_shown()
    {
        await using var accessRecord = await EventProbe.StartAsync<PersonalDataRead>(host.Messaging, Cancellation);
        var volunteer = await host.Client.SignUpApprovedAsync(officeId, VolunteerApi.SignUpBody(languages: ["ar", "de"], skills: ["hausaufgabenhilfe"]));
        using var formed = await host.Client.PostAsJsonAsync("/api/engagement/tandems",
            new { volunteerId = volunteer, partnerName = "Samir (4. Klasse)", purpose = "Lesepatenschaft", startsOn = DateOnly.FromDateTime(DateTime.UtcNow) }, Cancellation);
        await Json.EnsureStatusAsync(formed, HttpStatusCode.Created);
        var tandem = (await formed.Content.ReadFromJsonAsync<IdOnly>(Cancellation))!.Id;
        using (var ended = await host.Client.PostAsync(new Uri($"/api/engagement/tandems/{tandem}/end", UriKind.Relative), null, Cancellation))
        {
            await Json.EnsureStatusAsync(ended, HttpStatusCode.OK);
        }

        var opportunity = await host.Client.CreateOpportunityAsync(officeId);
        var matches = await host.Client.GetFromJsonAsync<List<IdOnlyMatch>>($"/api/engagement/opportunities/{opportunity.Id}/matches", Cancellation);
        matches.Should().Contain(match => match.VolunteerId == volunteer);

        foreach (var (purpose, record) in new[] { ("volunteer-approved", volunteer), ("tandem-formed", tandem), ("tandem-ended", tandem), ("matching", volunteer) })
        {
            var read = await accessRecord.WaitForAsync(r => r.Purpose == purpose, TimeSpan.FromSeconds(30));
            read.Message.Should().BeEquivalentTo(new { Service = "engagement", OfficeId = (Guid?)officeId }, purpose);
            read.Message.RecordIds.Should().Contain(record, purpose);
        }
    }

    private sealed record IdOnly(Guid Id);

    private sealed record IdOnlyMatch(Guid VolunteerId);
}
