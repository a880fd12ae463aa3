using Quartier.Contracts.Bookings;
using Quartier.Contracts.Engagement;
using Quartier.Contracts.Offices;

namespace Quartier.Reporting.Tests;

/// <summary>
/// A month of one office's activity in Stadthagen, published deliberately out of order (cancellations,
/// outcomes and attendance before what they refer to) and partly twice. Expected figures are in the tests.
/// </summary>
internal sealed class MarchScenario
{
    public const string ProjectArea = "Hüttenstraße";

    public Guid OfficeId { get; } = Guid.NewGuid();

    public int DistinctEvents { get; private set; }

    public static DateTimeOffset Local(int month, int day, int hour, int minute = 0)
    {
        var wallClock = new DateTime(2026, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(wallClock, Reports.BerlinTime.Zone.GetUtcOffset(wallClock));
    }

    public async Task PublishAsync(EventFeed feed)
    {
        var published = new HashSet<Guid>();
        async Task Publish<TEvent>(TEvent integrationEvent, Guid? messageId = null) where TEvent : class =>
            published.Add(await feed.PublishAsync(integrationEvent, messageId));

        var office = OfficeId;
        var area = new ProjectAreaInfo(ProjectArea, 3508, null, [new AreaIndicatorInfo("Ausländeranteil", 44.0m, 12.5m, "%", "Stadt Stadthagen", new DateOnly(2025, 12, 31), null)]);
        await Publish(new OfficeUpdated(office, "Mittelpunkt Hüttenstraße", "Treffpunkt", "Hüttenstraße 1", "31655", "Stadthagen", "DE-NI", "Europe/Berlin", Local(2, 1, 9), ProjectArea: area));
        await Publish(new OfficeRegistered(office, "Treffpunkt Hüttenstraße", "Treffpunkt", "Hüttenstraße 1", "31655", "Stadthagen", "DE-NI", "Europe/Berlin", Local(1, 5, 9), ProjectArea: area with { Population = 3400 }));

        // Appointments: 1 attended; 2 cancelled (cancellation first); 3 no-show (outcome first), on 31 March 23:30 local;
        // 4 on 1 April 00:30 local (still 31 March in UTC); 5 booked in March, moved to April (move first).
        var (a1, a2, a3, a4, a5) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var booking1 = new AppointmentBooked(a1, office, Guid.NewGuid(), AppointmentChannel.InPerson, "bildung", "ar", true, Local(3, 10, 10), Local(3, 10, 10, 30), Local(3, 1, 8));
        var booking1Id = Guid.NewGuid();
        await Publish(booking1, booking1Id);
        await Publish(booking1, booking1Id);
        await Publish(new AppointmentAttended(a1, office, "bildung", false, Local(3, 10, 11)));
        await Publish(new AppointmentCancelled(a2, office, CancelledBy.Resident, Local(3, 9, 12)));
        await Publish(new AppointmentBooked(a2, office, Guid.NewGuid(), AppointmentChannel.Phone, "wohnen", "de", false, Local(3, 11, 9), Local(3, 11, 9, 30), Local(3, 2, 8)));
        await Publish(new AppointmentNoShow(a3, office, Local(4, 1, 8)));
        await Publish(new AppointmentBooked(a3, office, Guid.NewGuid(), AppointmentChannel.Video, "bildung", "uk", true, Local(3, 31, 23, 30), Local(3, 31, 23, 59), Local(3, 3, 8)));
        await Publish(new AppointmentBooked(a4, office, Guid.NewGuid(), AppointmentChannel.InPerson, "gesundheit", "tr", false, Local(4, 1, 0, 30), Local(4, 1, 1), Local(3, 4, 8)));
        await Publish(new AppointmentRescheduled(a5, office, Local(3, 20, 10), Local(4, 20, 10), Local(4, 20, 11), Local(3, 6, 8)));
        await Publish(new AppointmentBooked(a5, office, Guid.NewGuid(), AppointmentChannel.InPerson, "bildung", "ar", false, Local(3, 20, 10), Local(3, 20, 11), Local(3, 5, 8)));

        // Opening hours: 10 and 11 March 9-12, two at once; a later announcement (published first) closes the 11th.
        await Publish(new OpeningHoursChanged(office, new DateOnly(2026, 3, 11), new DateOnly(2026, 3, 11), [], 2, Local(3, 8, 12)));
        await Publish(new OpeningHoursChanged(office, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31),
            [new OpeningInterval(Local(3, 10, 9), Local(3, 10, 12)), new OpeningInterval(Local(3, 11, 9), Local(3, 11, 12))], 2, Local(2, 20, 12)));

        // Callbacks: c1 reached in its window after 5 min; c2 three failed attempts (first after 20 min), attempts out of order;
        // c3 overdue; c4 reached outside its window after 90 min, completion before request; c5 cancelled.
        var (c1, c2, c3, c4) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await Publish(new CallbackRequested(c1, office, Local(3, 12, 10), Local(3, 12, 11), "ar", "bildung", Local(3, 11, 15)));
        await Publish(new CallbackAttempted(c1, office, 1, CallbackAttemptOutcome.Reached, Local(3, 12, 10, 5)));
        await Publish(new CallbackCompleted(c1, office, true, Local(3, 12, 10, 15)));
        await Publish(new CallbackAttempted(c2, office, 3, CallbackAttemptOutcome.NoAnswer, Local(3, 12, 10, 50)));
        await Publish(new CallbackAttempted(c2, office, 1, CallbackAttemptOutcome.NoAnswer, Local(3, 12, 10, 20)));
        await Publish(new CallbackUnreachable(c2, office, 3, Local(3, 12, 10, 51)));
        await Publish(new CallbackAttempted(c2, office, 2, CallbackAttemptOutcome.MessageLeft, Local(3, 12, 10, 40)));
        await Publish(new CallbackRequested(c2, office, Local(3, 12, 10), Local(3, 12, 11), "de", null, Local(3, 11, 16)));
        await Publish(new CallbackRequested(c3, office, Local(3, 13, 14), Local(3, 13, 15), "fa", "wohnen", Local(3, 12, 9)));
        await Publish(new CallbackOverdue(c3, office, Local(3, 13, 15), Local(3, 13, 15, 1)));
        await Publish(new CallbackCompleted(c4, office, false, Local(3, 14, 11, 35)));
        await Publish(new CallbackAttempted(c4, office, 1, CallbackAttemptOutcome.Reached, Local(3, 14, 11, 30)));
        await Publish(new CallbackRequested(c4, office, Local(3, 14, 10), Local(3, 14, 11), "de", "bildung", Local(3, 13, 9)));
        var c5 = Guid.NewGuid();
        await Publish(new CallbackCancelled(c5, office, Local(3, 14, 8)));
        await Publish(new CallbackRequested(c5, office, Local(3, 16, 10), Local(3, 16, 11), "ru", null, Local(3, 13, 10)));

        // Contacts without appointment: one walk-in in bildung; a second taken back (withdrawal first); one call without a
        // field; one call in wohnen on 1 April 00:30 local (still 31 March in UTC).
        var (k1, k2) = (Guid.NewGuid(), Guid.NewGuid());
        await Publish(new AnonymousContactCounted(k1, office, ContactKind.WalkIn, "bildung", Local(3, 10, 9, 15)));
        await Publish(new AnonymousContactWithdrawn(k2, office, Local(3, 10, 9, 21)));
        await Publish(new AnonymousContactCounted(k2, office, ContactKind.WalkIn, "bildung", Local(3, 10, 9, 20)));
        await Publish(new AnonymousContactCounted(Guid.NewGuid(), office, ContactKind.Phone, null, Local(3, 12, 11)));
        await Publish(new AnonymousContactCounted(Guid.NewGuid(), office, ContactKind.Phone, "wohnen", Local(4, 1, 0, 30)));

        // Events: e1 held on 15 March (planned in culture for April, moved to education on 15 March, the change arriving first;
        // r1 2 people attended, attendance first; r2 waitlisted then promoted, nobody came;
        // r3 3 people cancelled, cancellation first); e2 on 20 March cancelled.
        var (e1, e2, r1, r2, r3) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await Publish(new AttendanceRecorded(r1, e1, office, 2, Local(3, 15, 18)));
        await Publish(new RegistrationConfirmed(r1, e1, office, 2, Local(3, 2, 10)));
        await Publish(new EventChanged(e1, office, "bildung", Local(3, 15, 15), Local(3, 15, 17), 5, Local(3, 5, 10)));
        await Publish(new EventScheduled(e1, office, "stadtteilkultur", Local(4, 15, 15), Local(4, 15, 17), 4, Local(3, 1, 10)));
        await Publish(new WaitlistPromoted(r2, e1, office, 1, Local(3, 9, 10)));
        await Publish(new RegistrationWaitlisted(r2, e1, office, 1, 1, Local(3, 3, 10)));
        await Publish(new AttendanceRecorded(r2, e1, office, 0, Local(3, 15, 18)));
        await Publish(new RegistrationCancelled(r3, e1, office, 3, true, Local(3, 8, 10)));
        await Publish(new RegistrationConfirmed(r3, e1, office, 3, Local(3, 4, 10)));
        await Publish(new EventCancelled(e2, office, Local(3, 10, 10)));
        await Publish(new EventScheduled(e2, office, "stadtteilkultur", Local(3, 20, 15), Local(3, 20, 17), 30, Local(3, 1, 11)));

        // Volunteers: v1 approved 1 March; v2 signed up, approved and ended in March (end first); v3 only signed up;
        // v4 ended in February; v5 paused since February. Hours: 3.5 in bildung (delivered twice) and 2 in wohnen. Tandems: t1 running,
        // t2 ended in February, t3 starting 25 March.
        var (v1, v2, v3, v4) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await Publish(new VolunteerSignedUp(v1, office, ["de", "ar"], ["Hausaufgabenhilfe"], AgeGroup.Adult, Local(2, 20, 10)));
        await Publish(new VolunteerApproved(v1, office, Local(3, 1, 10)));
        await Publish(new VolunteerEnded(v2, office, Local(3, 20, 10)));
        await Publish(new VolunteerSignedUp(v2, office, ["de"], [], AgeGroup.Senior, Local(3, 5, 10)));
        await Publish(new VolunteerApproved(v2, office, Local(3, 6, 10)));
        await Publish(new VolunteerSignedUp(v3, office, ["uk"], [], AgeGroup.Minor, Local(3, 10, 10)));
        await Publish(new VolunteerApproved(v4, office, Local(1, 10, 10)));
        await Publish(new VolunteerEnded(v4, office, Local(2, 10, 10)));
        var v5 = Guid.NewGuid();
        await Publish(new VolunteerPaused(v5, office, Local(2, 15, 10)));
        await Publish(new VolunteerApproved(v5, office, Local(1, 10, 10)));
        var hoursId = Guid.NewGuid();
        var hours = new VolunteerHoursLogged(Guid.NewGuid(), v1, office, "bildung", new DateOnly(2026, 3, 12), 3.5m, Local(3, 12, 18));
        await Publish(hours, hoursId);
        await Publish(hours, hoursId);
        await Publish(new VolunteerHoursLogged(Guid.NewGuid(), v2, office, "wohnen", new DateOnly(2026, 3, 13), 2m, Local(3, 13, 18)));
        await Publish(new TandemFormed(Guid.NewGuid(), office, "Sprachpatenschaft", new DateOnly(2026, 2, 1), null, Local(2, 1, 10)));
        var t2 = Guid.NewGuid();
        await Publish(new TandemEnded(t2, office, Local(2, 5, 10)));
        await Publish(new TandemFormed(t2, office, "Behördenlotse", new DateOnly(2026, 1, 1), null, Local(1, 1, 10)));
        await Publish(new TandemFormed(Guid.NewGuid(), office, "Lernpatenschaft", new DateOnly(2026, 3, 25), new DateOnly(2026, 6, 30), Local(3, 20, 10)));
        await Publish(new ShiftShort(Guid.NewGuid(), Guid.NewGuid(), office, Local(3, 21, 10), Local(3, 21, 12), 3, 1, Local(3, 19, 10)));
        var shift = Guid.NewGuid();
        await Publish(new ShiftFilled(shift, Guid.NewGuid(), office, Local(3, 22, 10), Local(3, 22, 12), 2, Local(3, 20, 10)));
        await Publish(new ShiftShort(shift, Guid.NewGuid(), office, Local(3, 22, 10), Local(3, 22, 12), 2, 1, Local(3, 18, 10)));

        DistinctEvents = published.Count;
    }
}
