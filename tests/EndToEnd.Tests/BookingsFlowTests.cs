using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using Quartier.Contracts.Bookings;
using Quartier.Testing;

namespace Quartier.EndToEnd.Tests;

/// <summary>
/// A resident books and cancels an appointment and books a callback window through the gateway; staff
/// record a call attempt. Every step's event reaches a consumer on the real broker.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class BookingsFlowTests(PlatformFixture platform)
{
    private static readonly TimeSpan ArrivalTimeout = PlatformFixture.ArrivalTimeout;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_resident_books_cancels_and_asks_for_a_callback_and_staff_record_an_attempt()
    {
        var broker = platform.RabbitMq.ConnectionString;
        await using var booked = await EventProbe.StartAsync<AppointmentBooked>(broker, Cancellation);
        await using var cancelled = await EventProbe.StartAsync<AppointmentCancelled>(broker, Cancellation);
        await using var requested = await EventProbe.StartAsync<CallbackRequested>(broker, Cancellation);
        await using var attempted = await EventProbe.StartAsync<CallbackAttempted>(broker, Cancellation);

        // Staff: an office, open every day, with one service and callback windows.
        var (officeId, serviceId, _) = await BookableOffice.CreateAsync(platform);

        // Resident: a free slot a few hours ahead, booked by phone; then cancelled with the secret link.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var slots = (await platform.Client.GetFromJsonAsync<List<SlotView>>($"/api/bookings/services/{serviceId}/slots?channel=Phone&from={today:yyyy-MM-dd}&to={today.AddDays(3):yyyy-MM-dd}", Cancellation))!;
        var slot = slots.First(s => s.StartsAt > DateTimeOffset.UtcNow.AddHours(4));
        var consent = new { textVersion = "2026-12-appointments", givenAt = DateTimeOffset.UtcNow };
        using var booking = await platform.Client.PostAsJsonAsync("/api/bookings/appointments", new
        {
            serviceId,
            startsAt = slot.StartsAt,
            channel = "Phone",
            name = "Yusuf Haddad",
            phone = "+49 3605 555123",
            language = "ar",
            interpreterNeeded = true,
            topic = "Kita-Platz",
            consent,
        }, Cancellation);
        booking.StatusCode.Should().Be(HttpStatusCode.Created);
        var confirmation = (await booking.Content.ReadFromJsonAsync<ConfirmationView>(Cancellation))!;
        (await booked.WaitForAsync(e => e.AppointmentId == confirmation.AppointmentId, ArrivalTimeout)).Message
            .Should().BeEquivalentTo(new { OfficeId = officeId, ServiceId = serviceId, Channel = AppointmentChannel.Phone, Language = "ar", InterpreterNeeded = true });

        using var cancel = await platform.Client.PostAsync(new Uri($"{confirmation.ManagementUrl}/cancel", UriKind.Relative), null, Cancellation);
        cancel.StatusCode.Should().Be(HttpStatusCode.OK);
        (await cancelled.WaitForAsync(e => e.AppointmentId == confirmation.AppointmentId, ArrivalTimeout)).Message.CancelledBy.Should().Be(CancelledBy.Resident);

        // The link is the resident's key: traces name the route, never the token.
        var token = confirmation.ManagementUrl.Split('/')[^1];
        var spans = await platform.Telemetry.WaitForSpansAsync(
            "bookings",
            received => received.Any(span => span.Attributes.Values.Any(value => value.Contains("/manage/{token}/cancel", StringComparison.Ordinal))),
            ArrivalTimeout);
        spans.Should().NotContain(span => span.Name.Contains(token, StringComparison.Ordinal)
            || span.Attributes.Values.Any(value => value.Contains(token, StringComparison.Ordinal)));

        // Resident: a callback window; staff: one attempt from the queue.
        var windows = (await platform.Client.GetFromJsonAsync<List<WindowView>>($"/api/bookings/offices/{officeId}/callback-windows?from={today:yyyy-MM-dd}&to={today.AddDays(3):yyyy-MM-dd}", Cancellation))!;
        using var callback = await platform.Client.PostAsJsonAsync($"/api/bookings/offices/{officeId}/callbacks", new
        {
            windowStartsAt = windows.First(w => w.StartsAt > DateTimeOffset.UtcNow.AddHours(2)).StartsAt,
            phone = "+49 3605 555123",
            language = "ar",
            topic = "Wohngeld",
            consent,
        }, Cancellation);
        callback.StatusCode.Should().Be(HttpStatusCode.Created);
        var callbackId = (await callback.Content.ReadFromJsonAsync<CallbackView>(Cancellation))!.CallbackId;
        await requested.WaitForAsync(e => e.CallbackId == callbackId && e.OfficeId == officeId, ArrivalTimeout);

        var queue = (await platform.Client.GetFromJsonAsync<List<CallbackView>>($"/api/bookings/offices/{officeId}/callbacks/queue", Cancellation))!;
        queue.Should().ContainSingle(c => c.CallbackId == callbackId);
        using var attempt = await platform.Client.PostAsJsonAsync($"/api/bookings/callbacks/{callbackId}/attempts", new { outcome = "NoAnswer" }, Cancellation);
        attempt.StatusCode.Should().Be(HttpStatusCode.OK);
        (await attempted.WaitForAsync(e => e.CallbackId == callbackId, ArrivalTimeout)).Message
            .Should().BeEquivalentTo(new { AttemptNumber = 1, Outcome = CallbackAttemptOutcome.NoAnswer });

        // Reading the queue is in the access record: who, which office, which records; never the data.
        var read = await WaitForAccessRecordAsync(officeId, record => record.RecordIds.Contains(callbackId));
        read.Actor.Should().Be(platform.Administrator.Subject);
        read.Service.Should().Be("bookings");
        using var recordPage = await platform.Client.GetAsync(new Uri($"/api/identity/access-records?officeId={officeId}", UriKind.Relative), Cancellation);
        (await recordPage.Content.ReadAsStringAsync(Cancellation)).Should().NotContain("555123").And.NotContain("Wohngeld");
    }

    private async Task<AccessRecordView> WaitForAccessRecordAsync(Guid officeId, Func<AccessRecordView, bool> match)
    {
        var deadline = DateTime.UtcNow + ArrivalTimeout;
        while (true)
        {
            var records = (await platform.Client.GetFromJsonAsync<List<AccessRecordView>>($"/api/identity/access-records?officeId={officeId}", Cancellation))!;
            if (records.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            DateTime.UtcNow.Should().BeBefore(deadline, "the read reaches the access record within the arrival timeout");
            await Task.Delay(TimeSpan.FromMilliseconds(200), Cancellation);
        }
    }

    private sealed record AccessRecordView(string Actor, string Service, Guid? OfficeId, IReadOnlyList<Guid> RecordIds);

    private sealed record SlotView(DateTimeOffset StartsAt, DateTimeOffset EndsAt, int FreeSeats);

    private sealed record ConfirmationView(Guid AppointmentId, string ManagementUrl);

    private sealed record WindowView(DateTimeOffset StartsAt, DateTimeOffset EndsAt, int FreePlaces);

    private sealed record CallbackView(Guid CallbackId);
}
