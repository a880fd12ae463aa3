namespace Quartier.Bookings.Tests.Support;

/// <summary>Real time, shifted: tests put "now" where a rule bites (a cut-off, a retention period, a DST week) without waiting.</summary>
public sealed class TestClock : TimeProvider
{
    private TimeSpan offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;

    public void SetNow(DateTimeOffset now) => offset = now - System.GetUtcNow();

    public void Advance(TimeSpan by) => offset += by;
}
