using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using MimeKit;
using Quartier.Testing;

namespace Quartier.Engagement.Tests;

/// <summary>What residents who registered for an event with an e-mail address receive, through a real SMTP server.</summary>
public sealed class RegistrationMailTests(PlatformInfrastructure platform) : IAsyncLifetime
{
    private SmtpSink smtp = null!;
    private EngagementHost host = null!;
    private Guid officeId;

    public async ValueTask InitializeAsync()
    {
        smtp = await SmtpSink.StartAsync(TestContext.Current.CancellationToken);
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
    public async Task Residents_hear_they_are_registered_or_waiting_that_they_moved_up_and_that_the_event_is_cancelled_each_in_their_language()
    {
        var festival = await host.ScheduleEventAsync(officeId, capacity: 1);
        var first = $"first-{Guid.NewGuid():N}@example.org";
        var second = $"second-{Guid.NewGuid():N}@example.org";
        var byPhone = await RegisterAsync(festival.Id, new { name = "Nur Telefon", phone = "+49 3605 123456", people = 1, consent = true, consentTextVersion = "2026-12-events" });
        var confirmed = await RegisterAsync(festival.Id, new { name = "Rania", email = first, people = 1, consent = true, consentTextVersion = "2026-12-events", messageLanguage = "ar" });
        var waiting = await RegisterAsync(festival.Id, new { name = "Olena", email = second, people = 1, consent = true, consentTextVersion = "2026-12-events", messageLanguage = "uk" });

        // The phone-only registration took the place: Rania waits first, Olena second.
        var ranias = (await smtp.WaitForAsync(first)).Single();
        LanguageOf(ranias).Should().Be("ar");
        ranias.Subject.Should().Contain("مهرجان الحي", "the event's Arabic title");
        ranias.TextBody.Should().Contain($"http://quartier.test/registration/{confirmed.ManagementToken}").And.Contain("1");
        var olenas = (await smtp.WaitForAsync(second)).Single();
        LanguageOf(olenas).Should().Be("uk");
        olenas.Subject.Should().Contain("Stadtteilfest Südstadt", "no Ukrainian title: the German one");
        olenas.TextBody.Should().Contain("2", "her place on the waiting list").And.Contain($"http://quartier.test/registration/{waiting.ManagementToken}");

        using var cancelled = await host.Client.PostAsync(new Uri($"/api/engagement/registrations/manage/{byPhone.ManagementToken}/cancel", UriKind.Relative), null, Cancellation);
        cancelled.StatusCode.Should().Be(HttpStatusCode.OK);
        var movedUp = (await smtp.WaitForAsync(first, count: 2))[1];
        movedUp.Subject.Should().NotBe(ranias.Subject, "now she has a place");
        LanguageOf(movedUp).Should().Be("ar");

        using var cancelledEvent = await host.Client.PostAsync(new Uri($"/api/engagement/events/{festival.Id}/cancel", UriKind.Relative), null, Cancellation);
        cancelledEvent.StatusCode.Should().Be(HttpStatusCode.OK);
        (await smtp.WaitForAsync(first, count: 3)).Should().HaveCount(3);
        var toldToo = await smtp.WaitForAsync(second, count: 2);
        toldToo.Should().HaveCount(2, "who was still waiting is told as well");
        toldToo[1].TextBody.Should().NotContain("http://quartier.test/registration/", "a cancelled registration has nothing left to manage");
    }

    [Fact]
    public async Task Residents_hear_when_their_event_moves_with_its_new_time_and_place_but_not_when_only_seats_are_added()
    {
        var festival = await host.ScheduleEventAsync(officeId, capacity: 5);
        var german = $"german-{Guid.NewGuid():N}@example.org";
        var turkish = $"turkish-{Guid.NewGuid():N}@example.org";
        await RegisterAsync(festival.Id, new { name = "Jana", email = german, people = 2, consent = true, consentTextVersion = "2026-12-events" });
        await RegisterAsync(festival.Id, new { name = "Emre", email = turkish, people = 1, consent = true, consentTextVersion = "2026-12-events", messageLanguage = "tr" });
        await smtp.WaitForAsync(german);
        await smtp.WaitForAsync(turkish);
        var plan = new
        {
            fieldOfAction = festival.FieldOfAction,
            texts = festival.Texts.Select(text => new { language = text.Language, title = text.Title, description = text.Description }),
            place = festival.Place,
            startsAt = festival.StartsAt,
            endsAt = festival.EndsAt,
            registrationDeadline = festival.RegistrationDeadline,
            capacity = 8,
        };

        using var moreSeats = await host.Client.PutAsJsonAsync($"/api/engagement/events/{festival.Id}", plan, Cancellation);
        using var moved = await host.Client.PutAsJsonAsync($"/api/engagement/events/{festival.Id}", Json.Merge(plan, new { place = "Turnhalle der Grundschule" }), Cancellation);

        moreSeats.StatusCode.Should().Be(HttpStatusCode.OK);
        moved.StatusCode.Should().Be(HttpStatusCode.OK);
        var janas = await smtp.WaitForAsync(german, count: 2);
        janas.Should().HaveCount(2, "more seats concern nobody registered; a new place does");
        janas[1].Subject.Should().StartWith("Geändert: Stadtteilfest Südstadt");
        janas[1].TextBody.Should().Contain("Turnhalle der Grundschule").And.Contain("2");
        var emres = await smtp.WaitForAsync(turkish, count: 2);
        LanguageOf(emres[1]).Should().Be("tr");
        emres[1].TextBody.Should().Contain("Turnhalle der Grundschule");
    }

    private async Task<Registered> RegisterAsync(Guid eventId, object body)
    {
        using var response = await host.Client.PostAsJsonAsync($"/api/engagement/events/{eventId}/registrations", body, Cancellation);
        await Json.EnsureStatusAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<Registered>(Cancellation))!;
    }

    private static string? LanguageOf(MimeMessage message) => message.Body?.Headers[HeaderId.ContentLanguage];

    private sealed record Registered(Guid Id, string ManagementToken);
}
