using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using Quartier.Contracts.Engagement;
using Quartier.Engagement.Tandems;
using Quartier.Engagement.Volunteers;
using Quartier.Testing;

namespace Quartier.Engagement.Tests;

public sealed class VolunteerTests(PlatformInfrastructure platform) : IAsyncLifetime
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
    public async Task Signing_up_publishes_VolunteerSignedUp_without_personal_data_and_staff_see_the_volunteer()
    {
        await using var probe = await EventProbe.StartAsync<VolunteerSignedUp>(host.Messaging, Cancellation);

        var id = await host.Client.SignUpAsync(officeId, VolunteerApi.SignUpBody(["de", "ar"], ["Mathe", " mathe ", "Kochen"]));

        var published = await probe.WaitForAsync(e => e.VolunteerId == id, TimeSpan.FromSeconds(10));
        published.Message.Languages.Should().BeEquivalentTo(["de", "ar"]);
        published.Message.Skills.Should().BeEquivalentTo(["mathe", "kochen"]);
        System.Text.Json.JsonSerializer.Serialize(published.Message).Should().NotContain("Hanna").And.NotContain("example.org");
        var volunteer = await host.Client.GetFromJsonAsync<VolunteerResponse>($"/api/engagement/volunteers/{id}", Json.Options, Cancellation);
        volunteer!.Status.Should().Be(VolunteerStatus.Pending);
        volunteer.Name.Should().Be("Hanna Schulz");
    }

    [Theory]
    [InlineData("languages", "[\"deutsch\"]")]
    [InlineData("email", "null")]
    [InlineData("availability", "[{\"weekday\":\"Tuesday\",\"from\":\"17:00\",\"to\":\"15:00\"}]")]
    [InlineData("ageGroup", "\"Minor\"")]
    [InlineData("consent", "false")]
    public async Task An_invalid_sign_up_is_a_400_naming_the_field(string field, string json)
    {
        var body = Json.Merge(VolunteerApi.SignUpBody(), null);
        body[field] = System.Text.Json.Nodes.JsonNode.Parse(json);

        using var response = await host.Client.PostAsJsonAsync($"/api/engagement/offices/{officeId}/volunteers", body, Cancellation);

        await Json.EnsureStatusAsync(response, HttpStatusCode.BadRequest);
        var expected = field == "ageGroup" ? "guardian" : field;
        (await response.Content.ReadFromJsonAsync<ValidationProblem>(Cancellation))!.Errors.Keys.Should().Contain(expected);
    }

    [Fact]
    public async Task A_minor_signs_up_with_a_guardians_consent()
    {
        var body = Json.Merge(VolunteerApi.SignUpBody(), new
        {
            ageGroup = "Minor",
            guardian = new { name = "Petra Schulz", consentTextVersion = "2026-12-volunteers" },
        });

        using var response = await host.Client.PostAsJsonAsync($"/api/engagement/offices/{officeId}/volunteers", body, Cancellation);

        await Json.EnsureStatusAsync(response, HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_double_submitted_sign_up_with_one_idempotency_key_creates_one_volunteer()
    {
        var key = Guid.NewGuid().ToString();
        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/engagement/offices/{officeId}/volunteers") { Content = JsonContent.Create(VolunteerApi.SignUpBody()) };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await host.Client.SendAsync(request, Cancellation);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync(Cancellation));
        }));

        answers.Should().OnlyContain(a => a.StatusCode == HttpStatusCode.Created);
        answers.Select(a => a.Body).Distinct().Should().ContainSingle();
    }

    [Fact]
    public async Task Staff_approve_pause_and_end_a_volunteer_and_an_ended_volunteer_stays_ended()
    {
        await using var ended = await EventProbe.StartAsync<VolunteerEnded>(host.Messaging, Cancellation);
        var id = await host.Client.SignUpAsync(officeId, VolunteerApi.SignUpBody());

        (await ChangeAsync(id, "pause")).Should().Be(HttpStatusCode.Conflict, "a pending volunteer cannot be paused");
        (await ChangeAsync(id, "approve")).Should().Be(HttpStatusCode.OK);
        (await ChangeAsync(id, "pause")).Should().Be(HttpStatusCode.OK);
        (await ChangeAsync(id, "approve")).Should().Be(HttpStatusCode.OK);
        (await ChangeAsync(id, "end")).Should().Be(HttpStatusCode.OK);
        (await ChangeAsync(id, "approve")).Should().Be(HttpStatusCode.Conflict);
        (await ChangeAsync(Guid.NewGuid(), "approve")).Should().Be(HttpStatusCode.NotFound);
        await ended.WaitForAsync(e => e.VolunteerId == id, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Signing_up_at_a_closed_office_is_refused_with_422_and_at_an_unknown_one_with_404()
    {
        var closed = await host.RegisterOfficeAsync("Treffpunkt West");
        await host.CloseOfficeAsync(closed);

        using var atClosed = await host.Client.PostAsJsonAsync($"/api/engagement/offices/{closed}/volunteers", VolunteerApi.SignUpBody(), Cancellation);
        using var atUnknown = await host.Client.PostAsJsonAsync($"/api/engagement/offices/{Guid.NewGuid()}/volunteers", VolunteerApi.SignUpBody(), Cancellation);

        atClosed.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        atUnknown.StatusCode.Should().Be(HttpStatusCode.NotFound, "an unknown id in the path is a 404");
    }

    [Fact]
    public async Task An_office_update_changes_the_copy()
    {
        await host.PublishAsync(new Contracts.Offices.OfficeUpdated(officeId, "Stadtteilbüro Südstadt (neu)", "Stadtteilbüro", "Käthe-Kollwitz-Straße 20",
            "37327", "Leinefelde-Worbis", "DE-TH", "Europe/Berlin", DateTimeOffset.UtcNow));

        var office = await host.WaitForOfficeAsync(officeId, o => o.Name.EndsWith("(neu)", StringComparison.Ordinal));
        office.IsOpen.Should().BeTrue();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task The_office_copy_ends_closed_with_the_latest_data_whatever_order_and_however_often_the_events_arrive(int seed)
    {
        var history = new OfficeHistory(DateTimeOffset.UtcNow);

        await host.PublishAsync([.. history.ShuffledAndRepeated(seed)]);

        await host.WaitForOfficeAsync(history.OfficeId, office => office.Name == OfficeHistory.FinalName && !office.IsOpen);
        await Task.Delay(TimeSpan.FromSeconds(1), Cancellation);
        (await host.WaitForOfficeAsync(history.OfficeId, _ => true)).Should().BeEquivalentTo(new { Name = OfficeHistory.FinalName, IsOpen = false });
    }

    [Fact]
    public async Task A_tandem_pairs_an_approved_volunteer_with_a_partner_and_ends_once()
    {
        await using var formed = await EventProbe.StartAsync<TandemFormed>(host.Messaging, Cancellation);
        await using var endedProbe = await EventProbe.StartAsync<TandemEnded>(host.Messaging, Cancellation);
        var senior = await host.Client.SignUpApprovedAsync(officeId, Json.Merge(VolunteerApi.SignUpBody(), new { ageGroup = "Senior" }));
        var pending = await host.Client.SignUpAsync(officeId, VolunteerApi.SignUpBody());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        using var refused = await host.Client.PostAsJsonAsync("/api/engagement/tandems",
            new { volunteerId = pending, partnerName = "Mehmet (8. Klasse)", purpose = "Lesen üben", startsOn = today }, Cancellation);
        using var created = await host.Client.PostAsJsonAsync("/api/engagement/tandems",
            new { volunteerId = senior, partnerName = "Mehmet (8. Klasse)", purpose = "Lesen üben", startsOn = today }, Cancellation);

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        await Json.EnsureStatusAsync(created, HttpStatusCode.Created);
        var tandem = (await created.Content.ReadFromJsonAsync<TandemResponse>(Cancellation))!;
        (await formed.WaitForAsync(e => e.TandemId == tandem.Id, TimeSpan.FromSeconds(10))).Message.Purpose.Should().Be("Lesen üben");

        using var end = await host.Client.PostAsync(new Uri($"/api/engagement/tandems/{tandem.Id}/end", UriKind.Relative), null, Cancellation);
        using var endAgain = await host.Client.PostAsync(new Uri($"/api/engagement/tandems/{tandem.Id}/end", UriKind.Relative), null, Cancellation);

        await Json.EnsureStatusAsync(end, HttpStatusCode.OK);
        (await end.Content.ReadFromJsonAsync<TandemResponse>(Cancellation))!.EndsOn.Should().NotBeNull();
        endAgain.StatusCode.Should().Be(HttpStatusCode.Conflict);
        await endedProbe.WaitForAsync(e => e.TandemId == tandem.Id, TimeSpan.FromSeconds(10));

        // Ended before its first day, a tandem never ran: it keeps no last day (and Reporting never counts it active).
        using var planned = await host.Client.PostAsJsonAsync("/api/engagement/tandems",
            new { volunteerId = senior, partnerName = "Lina (5. Klasse)", purpose = "Mathe üben", startsOn = today.AddDays(10), endsOn = today.AddDays(40) }, Cancellation);
        var plannedTandem = (await planned.Content.ReadFromJsonAsync<TandemResponse>(Cancellation))!;
        using var called = await host.Client.PostAsync(new Uri($"/api/engagement/tandems/{plannedTandem.Id}/end", UriKind.Relative), null, Cancellation);
        (await called.Content.ReadFromJsonAsync<TandemResponse>(Cancellation))!.Should().BeEquivalentTo(new { EndsOn = (DateOnly?)null, StartsOn = today.AddDays(10) });
    }

    private async Task<HttpStatusCode> ChangeAsync(Guid id, string action)
    {
        using var response = await host.Client.PostAsync(new Uri($"/api/engagement/volunteers/{id}/{action}", UriKind.Relative), null, Cancellation);
        return response.StatusCode;
    }
}
