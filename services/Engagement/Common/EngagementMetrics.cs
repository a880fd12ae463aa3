using System.Diagnostics.Metrics;

namespace Quartier.Engagement.Common;

/// <summary>Business counters of the <c>Quartier.Engagement</c> meter.</summary>
public sealed class EngagementMetrics
{
    public const string MeterName = "Quartier.Engagement";

    private readonly Counter<long> volunteersSignedUp;
    private readonly Counter<long> registrations;
    private readonly Counter<long> waitlistPromotions;
    private readonly Counter<long> shiftSignUps;
    private readonly Counter<long> shiftsShort;
    private readonly Counter<double> volunteerHours;

    public EngagementMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        volunteersSignedUp = meter.CreateCounter<long>("quartier.engagement.volunteers.signed_up", "{volunteer}");
        registrations = meter.CreateCounter<long>("quartier.engagement.registrations", "{registration}", "Event registrations by outcome");
        waitlistPromotions = meter.CreateCounter<long>("quartier.engagement.waitlist.promotions", "{registration}");
        shiftSignUps = meter.CreateCounter<long>("quartier.engagement.shifts.sign_ups", "{sign-up}");
        shiftsShort = meter.CreateCounter<long>("quartier.engagement.shifts.short", "{shift}");
        volunteerHours = meter.CreateCounter<double>("quartier.engagement.volunteer.hours", "h");
    }

    public void VolunteerSignedUp() => volunteersSignedUp.Add(1);

    public void Registered(string outcome) => registrations.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Promoted(int count) => waitlistPromotions.Add(count);

    public void SignedUpForShift() => shiftSignUps.Add(1);

    public void ShiftShort() => shiftsShort.Add(1);

    public void HoursLogged(decimal hours) => volunteerHours.Add((double)hours);
}
