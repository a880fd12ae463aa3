using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Quartier.Bookings.Callbacks;
using Quartier.Bookings.Privacy;
using Quartier.Bookings.Tests.Support;
using Quartier.Contracts.Bookings;
using Quartier.Testing;

namespace Quartier.Bookings.Tests;

public sealed class CallbackTests(PlatformInfrastructure platform) : IAsyncLifetime
{
    private BookingsHost host = null!;
    private Guid office;

    public async ValueTask InitializeAsync()
    {
        host = await BookingsHost.StartAsync(platform);
        office = await host.RegisterOfficeAsync("DE-NI");
        await host.OpenAlwaysAsync(office, new DateOnly(2020, 1, 1));
        using var settings = await host.Client.PutAsJsonAsync($"/api/bookings/offices/{office}/callback-settings",
            new CallbackSettingsRequest(60, 2, 0, 14), Json.Options, TestContext.Current.CancellationToken);
        settings.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    private static RequestCallbackRequest Request(DateTimeOffset windowStartsAt) =>
        new(windowStartsAt, "0160 1234567", "ar", "Wohnungssuche", "wohnen", new ConsentRequest("2026-12-appointments", DateTimeOffset.UtcNow.AddMinutes(-1).ToOffset(TimeSpan.FromHours(1))));

    private async Task<CallbackWindow> WindowAsync(TimeSpan after)
    {
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime);
        var windows = await host.Client.GetOkAsync<List<CallbackWindow>>($"/api/bookings/offices/{office}/callback-windows?from={today:yyyy-MM-dd}&to={today.AddDays(3):yyyy-MM-dd}");
        return windows.First(w => w.StartsAt >= host.Clock.GetUtcNow() + after);
    }

    private async Task<CallbackConfirmation> RequestOkAsync(DateTimeOffset windowStartsAt)
    {
        using var response = await host.Client.PostAsync($"/api/bookings/offices/{office}/callbacks", Request(windowStartsAt));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return await response.ReadAsync<CallbackConfirmation>();
    }

    [Fact]
    public async Task A_resident_books_a_window_until_it_is_full_and_can_cancel_with_the_link()
    {
        await using var requested = await EventProbe.StartAsync<CallbackRequested>(host.MessagingConnectionString, TestContext.Current.CancellationToken);
        await using var cancelled = await EventProbe.StartAsync<CallbackCancelled>(host.MessagingConnectionString, TestContext.Current.CancellationToken);
        var window = await WindowAsync(TimeSpan.FromHours(2));

        var first = await RequestOkAsync(window.StartsAt);
        await RequestOkAsync(window.StartsAt);
        using var full = await host.Client.PostAsync($"/api/bookings/offices/{office}/callbacks", Request(window.StartsAt));

        full.StatusCode.Should().Be(HttpStatusCode.Conflict);
        first.WindowEndsAt.Should().Be(window.StartsAt.AddHours(1));
        var published = await requested.WaitForAsync(e => e.CallbackId == first.CallbackId, TimeSpan.FromSeconds(10));
        published.Message.Should().BeEquivalentTo(new { OfficeId = office, Language = "ar", FieldOfAction = "wohnen" });

        using var cancel = await host.Client.PostAsync($"{first.ManagementUrl}/cancel");
        cancel.StatusCode.Should().Be(HttpStatusCode.OK);
        await cancelled.WaitForAsync(e => e.CallbackId == first.CallbackId, TimeSpan.FromSeconds(10));
        await RequestOkAsync(window.StartsAt);
    }

    [Fact]
    public async Task Invalid_callback_requests_are_problems()
    {
        var window = await WindowAsync(TimeSpan.FromHours(1));

        using var badPhone = await host.Client.PostAsync($"/api/bookings/offices/{office}/callbacks", Request(window.StartsAt) with { Phone = "12" });
        using var tooFewDigits = await host.Client.PostAsync($"/api/bookings/offices/{office}/callbacks", Request(window.StartsAt) with { Phone = "0160 12" });
        using var noConsent = await host.Client.PostAsync($"/api/bookings/offices/{office}/callbacks", Request(window.StartsAt) with { Consent = null });
        using var notAWindow = await host.Client.PostAsync($"/api/bookings/offices/{office}/callbacks", Request(window.StartsAt.AddMinutes(13)));
        using var unknownOffice = await host.Client.PostAsync($"/api/bookings/offices/{Guid.NewGuid()}/callbacks", Request(window.StartsAt));

        badPhone.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await badPhone.ProblemFieldsAsync()).Should().Equal("phone");
        (await tooFewDigits.ProblemFieldsAsync()).Should().Equal(["phone"], "the pattern of digits alone let this through; no German mobile number is that short");
        noConsent.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        notAWindow.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        unknownOffice.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Staff_work_the_queue_by_window_and_three_failed_attempts_close_a_request_as_unreachable()
    {
        await using var attempted = await EventProbe.StartAsync<CallbackAttempted>(host.MessagingConnectionString, TestContext.Current.CancellationToken);
        await using var unreachable = await EventProbe.StartAsync<CallbackUnreachable>(host.MessagingConnectionString, TestContext.Current.CancellationToken);
        await using var completed = await EventProbe.StartAsync<CallbackCompleted>(host.MessagingConnectionString, TestContext.Current.CancellationToken);
        var later = await RequestOkAsync((await WindowAsync(TimeSpan.FromHours(30))).StartsAt);
        var sooner = await RequestOkAsync((await WindowAsync(TimeSpan.FromHours(5))).StartsAt);

        var queue = await host.Client.GetOkAsync<List<CallbackView>>($"/api/bookings/offices/{office}/callbacks/queue");
        queue.Select(c => c.CallbackId).Should().ContainInOrder(sooner.CallbackId, later.CallbackId);
        queue.First(c => c.CallbackId == sooner.CallbackId).Phone.Should().Be("+491601234567", "a German number given in national form is kept in E.164, ready to dial");

        CallbackView? last = null;
        foreach (var outcome in new[] { CallbackAttemptOutcome.NoAnswer, CallbackAttemptOutcome.MessageLeft, CallbackAttemptOutcome.NoAnswer })
        {
            using var response = await host.Client.PostAsync($"/api/bookings/callbacks/{sooner.CallbackId}/attempts", new RecordAttemptRequest(outcome));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            last = await response.ReadAsync<CallbackView>();
        }

        last!.Status.Should().Be(CallbackStatus.Unreachable);
        last.Attempts.Select(a => a.Number).Should().Equal(1, 2, 3);
        using var fourth = await host.Client.PostAsync($"/api/bookings/callbacks/{sooner.CallbackId}/attempts", new RecordAttemptRequest(CallbackAttemptOutcome.NoAnswer));
        fourth.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await unreachable.WaitForAsync(e => e.CallbackId == sooner.CallbackId, TimeSpan.FromSeconds(10))).Message.Attempts.Should().Be(3);
        await attempted.WaitForAsync(e => e.CallbackId == sooner.CallbackId && e.AttemptNumber == 3, TimeSpan.FromSeconds(10));

        using var reached = await host.Client.PostAsync($"/api/bookings/callbacks/{later.CallbackId}/attempts", new RecordAttemptRequest(CallbackAttemptOutcome.Reached));
        (await reached.ReadAsync<CallbackView>()).Status.Should().Be(CallbackStatus.Completed);
        (await completed.WaitForAsync(e => e.CallbackId == later.CallbackId, TimeSpan.FromSeconds(10))).Message.WithinWindow.Should().BeFalse();
        (await host.Client.GetOkAsync<List<CallbackView>>($"/api/bookings/offices/{office}/callbacks/queue"))
            .Should().NotContain(c => c.CallbackId == sooner.CallbackId || c.CallbackId == later.CallbackId);
    }

    [Fact]
    public async Task A_window_that_passes_without_any_attempt_is_announced_overdue_once()
    {
        await using var overdue = await EventProbe.StartAsync<CallbackOverdue>(host.MessagingConnectionString, TestContext.Current.CancellationToken);
        var window = await WindowAsync(TimeSpan.FromHours(1));
        var forgotten = await RequestOkAsync(window.StartsAt);
        var called = await RequestOkAsync(window.StartsAt);
        using var attempt = await host.Client.PostAsync($"/api/bookings/callbacks/{called.CallbackId}/attempts", new RecordAttemptRequest(CallbackAttemptOutcome.NoAnswer));

        host.Clock.Advance(window.EndsAt - host.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        var detected = await host.RunScopedAsync<OverdueCallbacks, int>(detector => detector.DetectAsync(TestContext.Current.CancellationToken));
        var again = await host.RunScopedAsync<OverdueCallbacks, int>(detector => detector.DetectAsync(TestContext.Current.CancellationToken));

        detected.Should().BeGreaterThanOrEqualTo(1);
        again.Should().Be(0);
        var announced = await overdue.WaitForAsync(e => e.CallbackId == forgotten.CallbackId, TimeSpan.FromSeconds(10));
        announced.Message.WindowEndsAt.Should().Be(window.EndsAt);
        (await host.Client.GetOkAsync<CallbackView>(forgotten.ManagementUrl)).Overdue.Should().BeTrue();
        (await host.Client.GetOkAsync<CallbackView>(called.ManagementUrl)).Overdue.Should().BeFalse();
        await Task.Delay(500, TestContext.Current.CancellationToken);
        overdue.Received.Should().ContainSingle(e => e.Message.CallbackId == forgotten.CallbackId);
    }
}
