using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using Quartier.Contracts.Engagement;
using Quartier.Testing;

namespace Quartier.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class EngagementFlowTests(PlatformFixture platform)
{
    private static readonly TimeSpan ArrivalTimeout = PlatformFixture.ArrivalTimeout;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_resident_volunteers_registers_for_an_event_and_cancels_with_the_link_and_the_events_reach_a_consumer()
    {
        await using var signedUp = await EventProbe.StartAsync<VolunteerSignedUp>(platform.RabbitMq.ConnectionString, Cancellation);
        await using var confirmed = await EventProbe.StartAsync<RegistrationConfirmed>(platform.RabbitMq.ConnectionString, Cancellation);
        await using var cancelled = await EventProbe.StartAsync<RegistrationCancelled>(platform.RabbitMq.ConnectionString, Cancellation);
        await using var promoted = await EventProbe.StartAsync<WaitlistPromoted>(platform.RabbitMq.ConnectionString, Cancellation);

        using var officeResponse = await platform.Client.PostAsJsonAsync("/api/offices", OfficeFlowTests.SuedstadtOffice(), Cancellation);
        officeResponse.StatusCode.Should().Be(HttpStatusCode.Created);
        var office = (await officeResponse.Content.ReadFromJsonAsync<OfficeView>(Cancellation))!;
        await platform.WaitForAsync<OfficeView>($"/api/engagement/offices/{office.Id}", ArrivalTimeout);

        using var volunteer = await platform.Client.PostAsJsonAsync($"/api/engagement/offices/{office.Id}/volunteers", StaffAccounts.VolunteerSignUp("+49 3605 123456"), Cancellation);
        volunteer.StatusCode.Should().Be(HttpStatusCode.Created);
        var volunteerId = (await volunteer.Content.ReadFromJsonAsync<CreatedView>(Cancellation))!.Id;
        (await signedUp.WaitForAsync(e => e.VolunteerId == volunteerId, ArrivalTimeout)).Message.OfficeId.Should().Be(office.Id);

        var startsAt = DateTimeOffset.UtcNow.AddDays(10);
        using var scheduled = await platform.Client.PostAsJsonAsync($"/api/engagement/offices/{office.Id}/events", new
        {
            fieldOfAction = "stadtteilkultur",
            texts = new[] { new { language = "de", title = "Stadtteilfest Südstadt" }, new { language = "uk", title = "Свято району" } },
            place = "Käthe-Kollwitz-Straße 20",
            startsAt,
            endsAt = startsAt.AddHours(4),
            capacity = 2,
        }, Cancellation);
        scheduled.StatusCode.Should().Be(HttpStatusCode.Created);
        var eventId = (await scheduled.Content.ReadFromJsonAsync<CreatedView>(Cancellation))!.Id;

        var first = await RegisterAsync(eventId, "Familie Haddad", 2);
        var second = await RegisterAsync(eventId, "Olena K.", 1);
        first.Status.Should().Be("Confirmed");
        second.Status.Should().Be("Waitlisted");
        await confirmed.WaitForAsync(e => e.RegistrationId == first.Id && e.People == 2, ArrivalTimeout);

        using var cancel = await platform.Client.PostAsync(new Uri($"{first.ManagementUrl}/cancel", UriKind.Relative), null, Cancellation);
        cancel.StatusCode.Should().Be(HttpStatusCode.OK);

        (await cancelled.WaitForAsync(e => e.RegistrationId == first.Id, ArrivalTimeout)).Message.WasConfirmed.Should().BeTrue();
        (await promoted.WaitForAsync(e => e.RegistrationId == second.Id, ArrivalTimeout)).Message.EventId.Should().Be(eventId);
        var secondNow = await platform.Client.GetFromJsonAsync<RegistrationView>(second.ManagementUrl, Cancellation);
        secondNow!.Status.Should().Be("Confirmed");
    }

    private async Task<RegistrationView> RegisterAsync(Guid eventId, string name, int people)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/engagement/events/{eventId}/registrations")
        {
            Content = JsonContent.Create(new { name, email = "nachbarn@example.org", people, consent = true, consentTextVersion = "2026-12-events" }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await platform.Client.SendAsync(request, Cancellation);
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<RegistrationView>(Cancellation))!;
    }

    private sealed record CreatedView(Guid Id);

    private sealed record RegistrationView(Guid Id, string Status, string ManagementUrl);
}
