using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using Quartier.Contracts.Engagement;
using Quartier.Engagement.Registrations;
using Quartier.Testing;

namespace Quartier.Engagement.Tests;

/// <summary>Two instances of the service on one database, as two pods would run: seats and the waitlist must stay exact.</summary>
public sealed class RegistrationRaceTests(PlatformInfrastructure platform) : IAsyncLifetime
{
    private EngagementHost host = null!;
    private Guid officeId;

    public async ValueTask InitializeAsync()
    {
        host = await EngagementHost.StartAsync(platform, instances: 2);
        officeId = await host.RegisterOfficeAsync();
    }

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Parallel_registrations_on_two_instances_confirm_exactly_the_capacity_and_queue_the_rest_in_order()
    {
        const int capacity = 3;
        const int residents = 16;
        var scheduled = await host.ScheduleEventAsync(officeId, capacity);

        var answers = await Task.WhenAll(Enumerable.Range(0, residents).Select(i =>
            RegisterAsync(host.Clients[i % 2], scheduled.Id, $"Bewohnerin {i}")));

        answers.Count(a => a.Status == RegistrationStatus.Confirmed).Should().Be(capacity);
        var waitlisted = answers.Where(a => a.Status == RegistrationStatus.Waitlisted).ToList();
        waitlisted.Should().HaveCount(residents - capacity);
        waitlisted.Select(a => a.WaitlistPosition!.Value).Should().BeEquivalentTo(Enumerable.Range(1, residents - capacity));

        // The staff list is in arrival order: confirmed first (they came first), then the waitlist by position.
        var list = await StaffListAsync(scheduled.Id);
        list.Take(capacity).Should().OnlyContain(r => r.Status == RegistrationStatus.Confirmed);
        var byPosition = waitlisted.OrderBy(a => a.WaitlistPosition).Select(a => a.Id);
        list.Skip(capacity).Select(r => r.Id).Should().Equal(byPosition);
        (await GetEventAsync(scheduled.Id)).FreeSeats.Should().Be(0);
    }

    [Fact]
    public async Task Parallel_cancellations_promote_exactly_one_waitlisted_registration_each_in_arrival_order()
    {
        const int capacity = 4;
        var scheduled = await host.ScheduleEventAsync(officeId, capacity);
        await using var promotions = await EventProbe.StartAsync<WaitlistPromoted>(host.Messaging, TestContext.Current.CancellationToken);
        var confirmed = new List<Registered>();
        var waiting = new List<Registered>();
        for (var i = 0; i < capacity + 6; i++)
        {
            var answer = await RegisterAsync(host.Clients[0], scheduled.Id, $"Nachbar {i}");
            (answer.Status == RegistrationStatus.Confirmed ? confirmed : waiting).Add(answer);
        }

        // Every confirmed place is cancelled at once, half through each instance, while newcomers keep registering.
        var cancellations = confirmed.Select((registration, i) => CancelAsync(host.Clients[i % 2], registration.ManagementToken));
        var newcomers = Enumerable.Range(0, 4).Select(i => RegisterAsync(host.Clients[(i + 1) % 2], scheduled.Id, $"Spät {i}"));
        await Task.WhenAll(cancellations.Cast<Task>().Concat(newcomers));

        var list = await StaffListAsync(scheduled.Id);
        var nowConfirmed = list.Where(r => r.Status == RegistrationStatus.Confirmed).Select(r => r.Id).ToList();
        nowConfirmed.Should().BeEquivalentTo(waiting.Take(capacity).Select(r => r.Id), "the first on the waitlist move up, once each");
        list.Where(r => r.Status == RegistrationStatus.Confirmed).Sum(r => r.People).Should().Be(capacity);
        (await GetEventAsync(scheduled.Id)).FreeSeats.Should().Be(0);

        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        foreach (var promoted in waiting.Take(capacity))
        {
            await promotions.WaitForAsync(e => e.RegistrationId == promoted.Id, TimeSpan.FromSeconds(10));
        }

        promotions.Received.Where(e => e.Message.EventId == scheduled.Id).Should().HaveCount(capacity);
    }

    [Fact]
    public async Task Cancelling_one_registration_twice_at_once_frees_its_seat_once()
    {
        var scheduled = await host.ScheduleEventAsync(officeId, 1);
        var first = await RegisterAsync(host.Clients[0], scheduled.Id, "Erste");
        var second = await RegisterAsync(host.Clients[0], scheduled.Id, "Zweite");
        var third = await RegisterAsync(host.Clients[0], scheduled.Id, "Dritte");

        var statuses = await Task.WhenAll(
            CancelAsync(host.Clients[0], first.ManagementToken),
            CancelAsync(host.Clients[1], first.ManagementToken));

        statuses.Should().BeEquivalentTo([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        var list = await StaffListAsync(scheduled.Id);
        list.Single(r => r.Id == second.Id).Status.Should().Be(RegistrationStatus.Confirmed);
        list.Single(r => r.Id == third.Id).Status.Should().Be(RegistrationStatus.Waitlisted);
    }

    private static async Task<Registered> RegisterAsync(HttpClient client, Guid eventId, string name)
    {
        using var response = await client.PostAsJsonAsync($"/api/engagement/events/{eventId}/registrations", new
        {
            name,
            email = "nachbar@example.org",
            people = 1,
            consent = true,
            consentTextVersion = "2026-12-events",
        }, TestContext.Current.CancellationToken);
        await Json.EnsureStatusAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<Registered>(TestContext.Current.CancellationToken))!;
    }

    private static async Task<HttpStatusCode> CancelAsync(HttpClient client, string token)
    {
        using var response = await client.PostAsync(new Uri($"/api/engagement/registrations/manage/{token}/cancel", UriKind.Relative), null, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private async Task<List<StaffRegistrationResponse>> StaffListAsync(Guid eventId) =>
        (await host.Client.GetFromJsonAsync<List<StaffRegistrationResponse>>($"/api/engagement/events/{eventId}/registrations", TestContext.Current.CancellationToken))!;

    private async Task<Events.EventResponse> GetEventAsync(Guid eventId) =>
        (await host.Client.GetFromJsonAsync<Events.EventResponse>($"/api/engagement/events/{eventId}", TestContext.Current.CancellationToken))!;
}

internal sealed record Registered(Guid Id, Guid EventId, int People, RegistrationStatus Status, int? WaitlistPosition, string ManagementToken, string ManagementUrl);
