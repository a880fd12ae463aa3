using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Quartier.Bookings.Appointments;
using Quartier.Bookings.AppointmentServices;
using Quartier.Bookings.Data;
using Quartier.Bookings.OpeningHours;
using Quartier.Bookings.Tests.Support;
using Quartier.Contracts.Bookings;
using Quartier.Testing;

namespace Quartier.Bookings.Tests;

public sealed class AppointmentBookingTests(PlatformInfrastructure platform) : IAsyncLifetime
{
    private BookingsHost host = null!;
    private Guid office;

    public async ValueTask InitializeAsync()
    {
        host = await BookingsHost.StartAsync(platform);
        office = await host.RegisterOfficeAsync("DE-NI");
        await host.OpenAlwaysAsync(office, new DateOnly(2020, 1, 1));
    }

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_double_submit_gets_the_same_link_back_while_the_database_keeps_neither_the_link_nor_the_key()
    {
        var service = await host.CreateServiceAsync(office, durationMinutes: 30);
        var slot = await host.FreeSlotAsync(service.Id, TimeSpan.FromHours(3));
        var key = Guid.NewGuid().ToString();
        var booking = Requests.Booking(service.Id, slot.StartsAt);

        using var first = await host.Client.BookAsync(booking, key);
        using var repeat = await host.Client.BookAsync(booking, key);

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        repeat.StatusCode.Should().Be(HttpStatusCode.Created);
        repeat.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        var confirmation = await first.ReadAsync<BookingConfirmation>();
        (await repeat.ReadAsync<BookingConfirmation>()).ManagementUrl.Should().Be(confirmation.ManagementUrl);
        repeat.Headers.Location!.ToString().Should().Be(confirmation.ManagementUrl);

        // Whoever reads the table (a backup, an operator) cannot open the resident's booking with it.
        var stored = await host.RunScopedAsync<BookingsDbContext, List<string>>(db => db.Database
            .SqlQuery<string>($"""SELECT concat_ws('|', "Key", "Location", encode("ResponseBody", 'escape')) AS "Value" FROM "IdempotentRequests" WHERE "Target" = 'POST /api/bookings/appointments'""")
            .ToListAsync(TestContext.Current.CancellationToken));
        stored.Should().NotBeEmpty();
        stored.Should().NotContain(row => row.Contains(confirmation.ManagementToken, StringComparison.Ordinal) || row.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_calendar_file_keeps_to_RFC_5545_with_a_long_office_name_and_opens_in_a_calendar_as_booked()
    {
        const string longName = "Stadtteilbüro Südstadt – Beratung für Familien, Seniorinnen; Neuzugewanderte und alle Nachbarn im Quartier";
        var longNamed = await host.RegisterOfficeAsync("DE-TH", longName);
        await host.OpenAlwaysAsync(longNamed, new DateOnly(2020, 1, 1));
        var service = await host.CreateServiceAsync(longNamed);
        var slot = await host.FreeSlotAsync(service.Id, TimeSpan.FromHours(3));
        var confirmation = await host.Client.BookOkAsync(Requests.Booking(service.Id, slot.StartsAt));

        using var ics = await host.Client.GetAsync(new Uri(confirmation.CalendarUrl, UriKind.Relative), TestContext.Current.CancellationToken);
        var text = await ics.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        text.Split("\r\n").Should().OnlyContain(line => System.Text.Encoding.UTF8.GetByteCount(line) <= 75, "lines are folded at 75 octets");
        var appointment = Ical.Net.Calendar.Load(text)!.Events.Single();
        appointment.Summary.Should().Be($"Beratung Wohnen – {longName}");
        appointment.Location.Should().Be($"{longName}, Käthe-Kollwitz-Straße 20, 37327 Leinefelde-Worbis");
        appointment.DtStart!.AsUtc.Should().Be(slot.StartsAt.UtcDateTime);
        appointment.DtEnd!.AsUtc.Should().Be(slot.StartsAt.AddMinutes(30).UtcDateTime);
    }

    [Fact]
    public async Task A_resident_books_a_slot_and_gets_a_secret_link_to_view_it_and_download_it()
    {
        var service = await host.CreateServiceAsync(office, durationMinutes: 45, bufferAfterMinutes: 15);
        await using var probe = await EventProbe.StartAsync<AppointmentBooked>(host.MessagingConnectionString, TestContext.Current.CancellationToken);
        var slot = await host.FreeSlotAsync(service.Id, TimeSpan.FromHours(3));

        using var response = await host.Client.BookAsync(Requests.Booking(service.Id, slot.StartsAt));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var confirmation = await response.ReadAsync<BookingConfirmation>();
        response.Headers.Location!.ToString().Should().Be(confirmation.ManagementUrl);
        confirmation.ManagementToken.Length.Should().BeGreaterThanOrEqualTo(43);
        confirmation.EndsAt.Should().Be(slot.StartsAt.AddMinutes(45));

        var view = await host.Client.GetOkAsync<AppointmentView>(confirmation.ManagementUrl);
        view.Should().BeEquivalentTo(new { Status = AppointmentStatus.Booked, Name = "Amina Yilmaz", Language = "tr", InterpreterNeeded = true, StartsAt = slot.StartsAt });

        using var ics = await host.Client.GetAsync(new Uri(confirmation.CalendarUrl, UriKind.Relative), TestContext.Current.CancellationToken);
        ics.Content.Headers.ContentType!.MediaType.Should().Be("text/calendar");
        var calendar = await ics.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        calendar.Should().Contain("BEGIN:VEVENT").And.Contain($"DTSTART:{slot.StartsAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}").And.Contain("Beratung Wohnen");

        var booked = await probe.WaitForAsync(e => e.AppointmentId == confirmation.AppointmentId, TimeSpan.FromSeconds(10));
        booked.Message.Should().BeEquivalentTo(new { OfficeId = office, ServiceId = service.Id, Channel = AppointmentChannel.InPerson, FieldOfAction = "wohnen", Language = "tr" });

        var after = await host.Client.SlotsAsync(service.Id, DateOnly.FromDateTime(slot.StartsAt.Date), DateOnly.FromDateTime(slot.StartsAt.Date));
        after.Should().NotContain(s => s.StartsAt == slot.StartsAt);
    }

    [Fact]
    public async Task A_resident_who_loses_a_slot_is_offered_the_five_closest_free_slots_around_it()
    {
        var service = await host.CreateServiceAsync(office);

        await AlternativesShouldBeTheClosestFreeSlotsAsync(service.Id, expected: 5);
    }

    [Fact]
    public async Task Alternatives_to_a_lost_slot_come_from_a_week_later_when_the_office_opens_only_once_a_week()
    {
        var mondaysOnly = await host.RegisterOfficeAsync("DE-NI");
        using var plan = await host.Client.PutAsJsonAsync(
            $"/api/bookings/offices/{mondaysOnly}/opening-hours/plans/2020-01-01",
            new SetWeeklyPlanRequest([new WeeklyIntervalRequest(DayOfWeek.Monday, new TimeOnly(10, 0), new TimeOnly(11, 0))]),
            Json.Options,
            TestContext.Current.CancellationToken);
        plan.EnsureSuccessStatusCode();
        var service = await host.CreateServiceAsync(mondaysOnly);

        // The other slot of that Monday and both of the next: nothing nearer is open.
        await AlternativesShouldBeTheClosestFreeSlotsAsync(service.Id, expected: 3);
    }

    /// <summary>Fills a slot three or more days ahead and compares the 409's alternatives with the free slots from three days before to a week after it.</summary>
    private async Task AlternativesShouldBeTheClosestFreeSlotsAsync(Guid serviceId, int expected)
    {
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime);
        var wanted = (await host.Client.SlotsAsync(serviceId, today.AddDays(3), today.AddDays(10)))[0];
        await host.Client.BookOkAsync(Requests.Booking(serviceId, wanted.StartsAt));

        using var lost = await host.Client.BookAsync(Requests.Booking(serviceId, wanted.StartsAt) with { Name = "Second Resident" });

        lost.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var offered = (await lost.ReadAsync<ProblemWithAlternatives>()).Alternatives!.Select(s => s.StartsAt).ToList();
        var day = DateOnly.FromDateTime(wanted.StartsAt.DateTime);
        var closest = (await host.Client.SlotsAsync(serviceId, day.AddDays(-3), day.AddDays(7)))
            .Select(s => s.StartsAt)
            .OrderBy(s => (s - wanted.StartsAt).Duration())
            .Take(5)
            .Order();
        offered.Should().HaveCount(expected).And.Equal(closest);
    }

    [Fact]
    public async Task After_the_duration_changes_a_booking_takes_a_seat_no_overlapping_appointment_holds()
    {
        var service = await host.CreateServiceAsync(office, durationMinutes: 60, capacity: 3);
        var inTwoDays = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime).AddDays(2);
        var nine = (await host.Client.SlotsAsync(service.Id, inTwoDays, inTwoDays)).First(s => s.StartsAt.Hour == 9).StartsAt;
        await host.Client.BookOkAsync(Requests.Booking(service.Id, nine));
        await host.Client.BookOkAsync(Requests.Booking(service.Id, nine.AddHours(1)));
        using var shorter = await host.Client.PutAsJsonAsync(
            $"/api/bookings/services/{service.Id}",
            new AppointmentServiceRequest(service.Names, 30, service.Channels, service.FieldOfAction, 3, 0, 0, 56),
            Json.Options,
            TestContext.Current.CancellationToken);
        shorter.EnsureSuccessStatusCode();

        // Half-hour slots now: 9:30 overlaps the hour from 9:00 (seat 1), 10:00 the hour from 10:00 (seat 1).
        await host.Client.BookOkAsync(Requests.Booking(service.Id, nine.AddMinutes(30)));
        await host.Client.BookOkAsync(Requests.Booking(service.Id, nine.AddMinutes(60)));

        var day = await host.Client.GetOkAsync<List<StaffAppointmentView>>($"/api/bookings/offices/{office}/appointments?date={nine:yyyy-MM-dd}");
        day.Where(a => a.ServiceId == service.Id).OrderBy(a => a.StartsAt).ThenBy(a => a.Seat).Select(a => (a.StartsAt.TimeOfDay, a.Seat)).Should().Equal(
            (nine.TimeOfDay, 1), (nine.AddMinutes(30).TimeOfDay, 2), (nine.AddHours(1).TimeOfDay, 1), (nine.AddHours(1).TimeOfDay, 2));
    }

    [Fact]
    public async Task A_wrong_link_finds_nothing()
    {
        using var response = await host.Client.GetAsync(new Uri($"{AppointmentEndpoints.ManagePath}/not-a-token", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_double_submit_with_one_idempotency_key_books_once_and_answers_the_same()
    {
        var service = await host.CreateServiceAsync(office, capacity: 5);
        var slot = await host.FreeSlotAsync(service.Id, TimeSpan.FromHours(3));
        var request = Requests.Booking(service.Id, slot.StartsAt);
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            using var response = await host.Client.BookAsync(request, key);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }));

        answers.Should().OnlyContain(a => a.StatusCode == HttpStatusCode.Created);
        answers.Select(a => a.Body).Distinct().Should().ContainSingle();
        var day = await host.Client.GetOkAsync<List<StaffAppointmentView>>($"/api/bookings/offices/{office}/appointments?date={slot.StartsAt:yyyy-MM-dd}");
        day.Count(a => a.ServiceId == service.Id).Should().Be(1);
        (await host.Client.SlotsAsync(service.Id, DateOnly.FromDateTime(slot.StartsAt.Date), DateOnly.FromDateTime(slot.StartsAt.Date)))
            .Single(s => s.StartsAt == slot.StartsAt).FreeSeats.Should().Be(4);
    }

    [Fact]
    public async Task The_resident_cancels_or_moves_with_the_link_until_the_cut_off_and_not_after()
    {
        var service = await host.CreateServiceAsync(office);
        await using var moved = await EventProbe.StartAsync<AppointmentRescheduled>(host.MessagingConnectionString, TestContext.Current.CancellationToken);
        await using var cancelled = await EventProbe.StartAsync<AppointmentCancelled>(host.MessagingConnectionString, TestContext.Current.CancellationToken);
        var first = await host.FreeSlotAsync(service.Id, TimeSpan.FromHours(5));
        var confirmation = await host.Client.BookOkAsync(Requests.Booking(service.Id, first.StartsAt));
        var later = (await host.FreeSlotFromAsync(service.Id, first.StartsAt.AddHours(1))).StartsAt;

        using var rescheduled = await host.Client.PostAsync($"{confirmation.ManagementUrl}/reschedule", new RescheduleRequest(later));
        rescheduled.StatusCode.Should().Be(HttpStatusCode.OK);
        (await rescheduled.ReadAsync<AppointmentView>()).StartsAt.Should().Be(later);
        (await moved.WaitForAsync(e => e.AppointmentId == confirmation.AppointmentId, TimeSpan.FromSeconds(10))).Message.PreviousStartsAt.Should().Be(first.StartsAt);
        (await host.Client.SlotsAsync(service.Id, DateOnly.FromDateTime(first.StartsAt.Date), DateOnly.FromDateTime(first.StartsAt.Date)))
            .Should().Contain(s => s.StartsAt == first.StartsAt, "the old slot is free again");

        // Within two hours of the start the link no longer changes anything.
        host.Clock.Advance(later - host.Clock.GetUtcNow() - TimeSpan.FromMinutes(90));
        using var tooLateToCancel = await host.Client.PostAsync($"{confirmation.ManagementUrl}/cancel");
        using var tooLateToMove = await host.Client.PostAsync($"{confirmation.ManagementUrl}/reschedule", new RescheduleRequest(later.AddHours(2)));
        tooLateToCancel.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        tooLateToMove.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await host.Client.GetOkAsync<AppointmentView>(confirmation.ManagementUrl)).Status.Should().Be(AppointmentStatus.Booked);

        // Back before the cut-off, cancelling works once and is announced.
        host.Clock.Advance(TimeSpan.FromMinutes(-60));
        using var cancel = await host.Client.PostAsync($"{confirmation.ManagementUrl}/cancel");
        using var again = await host.Client.PostAsync($"{confirmation.ManagementUrl}/cancel");
        cancel.StatusCode.Should().Be(HttpStatusCode.OK);
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await cancelled.WaitForAsync(e => e.AppointmentId == confirmation.AppointmentId, TimeSpan.FromSeconds(10))).Message.CancelledBy.Should().Be(CancelledBy.Resident);
    }

    [Fact]
    public async Task Invalid_bookings_are_400_or_422_problems_and_never_500()
    {
        var service = await host.CreateServiceAsync(office, channels: [AppointmentChannel.InPerson], horizonDays: 14);
        var slot = await host.FreeSlotAsync(service.Id, TimeSpan.FromHours(1));
        var valid = Requests.Booking(service.Id, slot.StartsAt);

        var cases = new (string Case, BookAppointmentRequest Request, HttpStatusCode Expected, string? Field)[]
        {
            ("no consent", valid with { Consent = null }, HttpStatusCode.BadRequest, "consent"),
            ("malformed phone", valid with { Phone = "call me" }, HttpStatusCode.BadRequest, "phone"),
            ("malformed e-mail", valid with { Email = "amina@", Phone = null }, HttpStatusCode.BadRequest, "email"),
            ("no way to reach", valid with { Phone = null, Email = null }, HttpStatusCode.BadRequest, "phone"),
            ("no name", valid with { Name = "" }, HttpStatusCode.BadRequest, "name"),
            ("bad language", valid with { Language = "Deutsch" }, HttpStatusCode.BadRequest, "language"),
            ("unknown service", valid with { ServiceId = Guid.NewGuid() }, HttpStatusCode.UnprocessableEntity, null),
            ("channel not offered", valid with { Channel = AppointmentChannel.Video }, HttpStatusCode.UnprocessableEntity, null),
            ("not a slot start", valid with { StartsAt = slot.StartsAt.AddMinutes(7) }, HttpStatusCode.UnprocessableEntity, null),
            ("in the past", valid with { StartsAt = slot.StartsAt.AddDays(-3) }, HttpStatusCode.UnprocessableEntity, null),
            ("far beyond the horizon", valid with { StartsAt = slot.StartsAt.AddYears(3) }, HttpStatusCode.UnprocessableEntity, null),
        };

        foreach (var (name, request, expected, field) in cases)
        {
            using var response = await host.Client.BookAsync(request);
            response.StatusCode.Should().Be(expected, name);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json", name);
            if (field is not null)
            {
                (await response.ProblemFieldsAsync()).Should().Contain(field, name);
            }
        }

        using var malformed = await host.Client.PostAsync("/api/bookings/appointments", new { serviceId = "x" });
        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var backwards = await host.Client.GetAsync(new Uri($"/api/bookings/services/{service.Id}/slots?channel=InPerson&from=2027-02-01&to=2027-01-01", UriKind.Relative), TestContext.Current.CancellationToken);
        backwards.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var wrongChannel = await host.Client.GetAsync(new Uri($"/api/bookings/services/{service.Id}/slots?channel=Video&from={slot.StartsAt:yyyy-MM-dd}&to={slot.StartsAt:yyyy-MM-dd}", UriKind.Relative), TestContext.Current.CancellationToken);
        wrongChannel.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        using var farAway = await host.Client.GetAsync(new Uri($"/api/bookings/services/{service.Id}/slots?channel=InPerson&from=2031-01-01&to=2031-01-10", UriKind.Relative), TestContext.Current.CancellationToken);
        farAway.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        using var unknown = await host.Client.GetAsync(new Uri($"/api/bookings/services/{Guid.NewGuid()}/slots?channel=InPerson&from=2027-01-01&to=2027-01-02", UriKind.Relative), TestContext.Current.CancellationToken);
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Staff_see_the_days_appointments_check_residents_in_and_record_attendance_with_outcome_or_no_show()
    {
        var service = await host.CreateServiceAsync(office, capacity: 2);
        await using var attended = await EventProbe.StartAsync<AppointmentAttended>(host.MessagingConnectionString, TestContext.Current.CancellationToken);
        await using var noShow = await EventProbe.StartAsync<AppointmentNoShow>(host.MessagingConnectionString, TestContext.Current.CancellationToken);
        var slot = await host.FreeSlotAsync(service.Id, TimeSpan.FromHours(3));
        var first = await host.Client.BookOkAsync(Requests.Booking(service.Id, slot.StartsAt));
        var second = await host.Client.BookOkAsync(Requests.Booking(service.Id, slot.StartsAt) with { Name = "Olena Kovalenko", Language = "uk" });

        using var early = await host.Client.PostAsync($"/api/bookings/appointments/{first.AppointmentId}/attended", new AttendedRequest("wohnen", true));
        early.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);

        using var tooEarly = await host.Client.PostAsync($"/api/bookings/appointments/{first.AppointmentId}/check-in");
        tooEarly.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, "arriving hours early is not yet arriving for this appointment");
        host.Clock.Advance(slot.StartsAt - host.Clock.GetUtcNow() - TimeSpan.FromMinutes(10));
        using var arrived = await host.Client.PostAsync($"/api/bookings/appointments/{first.AppointmentId}/check-in");
        using var arrivedAgain = await host.Client.PostAsync($"/api/bookings/appointments/{first.AppointmentId}/check-in");
        arrived.StatusCode.Should().Be(HttpStatusCode.NoContent);
        arrivedAgain.StatusCode.Should().Be(HttpStatusCode.Conflict);

        host.Clock.Advance(TimeSpan.FromMinutes(15));
        var day = await host.Client.GetOkAsync<List<StaffAppointmentView>>($"/api/bookings/offices/{office}/appointments?date={slot.StartsAt:yyyy-MM-dd}");
        day.Where(a => a.ServiceId == service.Id).Select(a => (a.Name, a.Seat, a.CheckedInAt is not null)).Should().BeEquivalentTo([("Amina Yilmaz", 1, true), ("Olena Kovalenko", 2, false)]);

        using var came = await host.Client.PostAsync($"/api/bookings/appointments/{first.AppointmentId}/attended", new AttendedRequest("beschaeftigung", true));
        using var missed = await host.Client.PostAsync($"/api/bookings/appointments/{second.AppointmentId}/no-show");
        using var twice = await host.Client.PostAsync($"/api/bookings/appointments/{second.AppointmentId}/attended", new AttendedRequest(null, null));
        using var badOutcome = await host.Client.PostAsync($"/api/bookings/appointments/{first.AppointmentId}/attended", new AttendedRequest("nonsense", null));

        came.StatusCode.Should().Be(HttpStatusCode.NoContent);
        missed.StatusCode.Should().Be(HttpStatusCode.NoContent);
        twice.StatusCode.Should().Be(HttpStatusCode.Conflict);
        badOutcome.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await attended.WaitForAsync(e => e.AppointmentId == first.AppointmentId, TimeSpan.FromSeconds(10))).Message
            .Should().BeEquivalentTo(new { OutcomeFieldOfAction = "beschaeftigung", ReferredToOtherOrganisation = true });
        await noShow.WaitForAsync(e => e.AppointmentId == second.AppointmentId, TimeSpan.FromSeconds(10));
        (await host.Client.GetOkAsync<AppointmentView>(second.ManagementUrl)).Status.Should().Be(AppointmentStatus.NoShow);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_public_booking_endpoints()
    {
        var document = await host.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);

        document.Should().Contain("/api/bookings/appointments").And.Contain("/api/bookings/services/{serviceId}/slots")
            .And.Contain("/api/bookings/offices/{officeId}/callbacks").And.Contain("/api/bookings/offices/{officeId}/opening-hours/effective");
    }
}
