using Quartier.Bookings.Callbacks;
using Quartier.Bookings.OpeningHours;
using Quartier.Contracts.Bookings;

namespace Quartier.Bookings.Tests.Rules;

public sealed class CallbackRulesTests
{
    private static readonly DateTimeOffset Three = new(2026, 12, 1, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Opening_hours_are_cut_into_windows_with_their_free_places()
    {
        var taken = new Dictionary<DateTimeOffset, int> { [Three] = 2, [Three.AddHours(1)] = 1 };

        var windows = CallbackWindows.Compute([new OpenInterval(Three, Three.AddMinutes(170))], TimeSpan.FromHours(1), 2, taken, Three.AddDays(-1), TimeSpan.Zero, TimeSpan.FromDays(14));

        windows.Should().Equal(new CallbackWindow(Three.AddHours(1), Three.AddHours(2), 1));
    }

    [Fact]
    public void Three_failed_attempts_close_a_request_as_unreachable()
    {
        var request = new CallbackRequest { Language = "ar", ManagementTokenHash = "x" };

        request.RecordAttempt(CallbackAttemptOutcome.NoAnswer, Three);
        request.RecordAttempt(CallbackAttemptOutcome.MessageLeft, Three.AddMinutes(10));
        request.Status.Should().Be(CallbackStatus.Open);
        request.RecordAttempt(CallbackAttemptOutcome.WrongNumber, Three.AddMinutes(20)).Number.Should().Be(3);

        request.Status.Should().Be(CallbackStatus.Unreachable);
    }

    [Fact]
    public void Reaching_the_resident_completes_the_request()
    {
        var request = new CallbackRequest { Language = "ar", ManagementTokenHash = "x" };

        request.RecordAttempt(CallbackAttemptOutcome.NoAnswer, Three);
        request.RecordAttempt(CallbackAttemptOutcome.Reached, Three.AddMinutes(5));

        request.Status.Should().Be(CallbackStatus.Completed);
        request.ClosedAt.Should().Be(Three.AddMinutes(5));
    }
}
