using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;

namespace Quartier.EndToEnd.Tests;

/// <summary>
/// Consistency of reporting with the services it listens to (Engagement, Bookings): a random mix of actions through the
/// gateway, then every figure reporting shows equals what the source service's own API says. Outcomes, calls inside
/// the window and event attendance need their appointment, window or event to have begun: the tests open an office, or
/// start an event, about a minute ahead and wait for it on the real clock the platform runs on.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ReportingFlowTests(PlatformFixture platform)
{
    private static readonly TimeSpan ArrivalTimeout = PlatformFixture.ArrivalTimeout;
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly string[] Fields = ["bildung", "wohnen", "zusammenleben", "gesundheit"];
    private static readonly string[] Channels = ["InPerson", "Phone", "Video"];
    private static readonly string[] Languages = ["de", "ar", "uk", "tr"];
    private static readonly string[] FailedAttempts = ["NoAnswer", "WrongNumber", "MessageLeft"];
    private static readonly string[] AppointmentFigureNames = ["booked", "cancelled", "attended", "noShow"];
    private static readonly string[] EventFigureNames =
        ["scheduled", "cancelled", "held", "registrations", "waitlisted", "promoted", "registrationsCancelled", "peopleConfirmedAtHeldEvents", "peopleAttended", "attendanceRate"];

    private HttpClient Client => platform.Client;

    [Fact]
    public async Task After_hundreds_of_engagement_actions_every_reporting_figure_equals_the_source_data()
    {
        var officeId = await CreateOfficeAsync();
        var random = new Random(20261121);
        var volunteers = new Dictionary<Guid, string>();
        var everApproved = new HashSet<Guid>();
        var cancelledEvents = new HashSet<Guid>();
        var registrations = new List<EventRegistration>();
        var waitlisted = new HashSet<Guid>();
        var promoted = new HashSet<Guid>();
        var tandems = new List<Guid>();
        var runningTandems = new List<Guid>();
        var shifts = new List<Guid>();
        var today = Today();
        var opportunity = await PostForIdAsync($"/api/engagement/offices/{officeId}/opportunities", new { title = "Hausaufgabenhilfe", fieldOfAction = "bildung" });

        // Engagement tells who moved up from the waitlist only by their status now: staff and residents look before a cancellation.
        void NotePromotion(JsonElement registration)
        {
            if (waitlisted.Contains(registration.GetProperty("id").GetGuid()) && Status(registration) == "Confirmed")
            {
                promoted.Add(registration.GetProperty("id").GetGuid());
            }
        }

        async Task RegisterAsync(Guid eventId, int people)
        {
            using var response = await PostAsync($"/api/engagement/events/{eventId}/registrations", Registration(people));
            if (response.StatusCode == HttpStatusCode.Created)
            {
                var registered = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
                registrations.Add(new EventRegistration(registered.GetProperty("id").GetGuid(), registered.GetProperty("managementToken").GetString()!));
                if (Status(registered) == "Waitlisted")
                {
                    waitlisted.Add(registered.GetProperty("id").GetGuid());
                }
            }
        }

        // The first event begins shortly, so that it is held, and who came recorded, before the figures are compared.
        var heldEventStartsAt = ShortlyAfterNow();
        var events = new List<Guid> { await PostForIdAsync($"/api/engagement/offices/{officeId}/events", Event(heldEventStartsAt, "zusammenleben", 6)) };
        for (var resident = 0; resident < 6; resident++)
        {
            await RegisterAsync(events[0], random.Next(1, 4));
        }

        for (var action = 0; action < 300; action++)
        {
            switch (random.Next(14))
            {
                case 0 or 1:
                    volunteers[await PostForIdAsync($"/api/engagement/offices/{officeId}/volunteers", SignUp(action))] = "Pending";
                    break;
                case 2 when Pick(random, volunteers, "Pending", "Paused") is { } volunteer:
                    await ChangeVolunteerAsync(volunteers, volunteer, "approve", "Approved");
                    everApproved.Add(volunteer);
                    break;
                case 3 when Pick(random, volunteers, "Approved") is { } volunteer:
                    await ChangeVolunteerAsync(volunteers, volunteer, random.Next(3) == 0 ? "end" : "pause", null);
                    break;
                case 4 when Pick(random, volunteers, "Approved", "Paused") is { } volunteer:
                    await PostOkAsync($"/api/engagement/volunteers/{volunteer}/hours", new { fieldOfAction = Fields[random.Next(Fields.Length)], date = today, hours = 0.25m * random.Next(1, 17) });
                    break;
                case 5 when events.Count < 13:
                    var startsAt = new DateTimeOffset(today.AddDays(2 + random.Next(4)).ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero);
                    events.Add(await PostForIdAsync($"/api/engagement/offices/{officeId}/events", Event(startsAt, Fields[random.Next(Fields.Length)], random.Next(2, 6))));
                    break;
                case 6 or 7 when events.Except(cancelledEvents).ToList() is { Count: > 0 } registrable:
                    // Refused once registration has closed as the event begins.
                    await RegisterAsync(registrable[random.Next(registrable.Count)], random.Next(1, 3));
                    break;
                case 8 when registrations.Count > 0:
                    var leaving = Take(registrations, random);
                    var manage = $"/api/engagement/registrations/manage/{leaving.Token}";
                    NotePromotion(await GetJsonAsync(manage));
                    using (var cancelled = await Client.PostAsync(new Uri($"{manage}/cancel", UriKind.Relative), null, TestContext.Current.CancellationToken))
                    {
                        // Refused (4xx) when its event was cancelled or has begun meanwhile; never an error.
                        ((int)cancelled.StatusCode).Should().BeLessThan(500);
                    }

                    break;
                case 9 when events.Skip(1).Except(cancelledEvents).ToList() is { Count: > 3 } open && random.Next(4) == 0:
                    var eventToCancel = open[random.Next(open.Count)];
                    foreach (var registration in (await GetJsonAsync($"/api/engagement/events/{eventToCancel}/registrations")).EnumerateArray())
                    {
                        NotePromotion(registration);
                    }

                    await PostOkAsync($"/api/engagement/events/{eventToCancel}/cancel", new { });
                    cancelledEvents.Add(eventToCancel);
                    break;
                case 10 when Pick(random, volunteers, "Approved") is { } volunteer:
                    var startsOn = today.AddDays(random.Next(-30, 30));
                    var tandem = await PostForIdAsync("/api/engagement/tandems", new
                    {
                        volunteerId = volunteer,
                        partnerName = "Frau Schulze",
                        purpose = "Lesepatenschaft",
                        startsOn,
                        endsOn = random.Next(3) == 0 ? (DateOnly?)null : startsOn.AddDays(random.Next(90)),
                    });
                    tandems.Add(tandem);
                    runningTandems.Add(tandem);
                    break;
                case 11 when runningTandems.Count > 0:
                    await PostOkAsync($"/api/engagement/tandems/{Take(runningTandems, random)}/end", new { });
                    break;
                case 12 when shifts.Count < 15:
                    // Two days ahead at least, so that no shift is announced short while the test runs.
                    var shiftStartsAt = new DateTimeOffset(today.AddDays(random.Next(3, 10)).ToDateTime(new TimeOnly(8 + random.Next(8), 0)), TimeSpan.Zero);
                    shifts.Add(await PostForIdAsync($"/api/engagement/opportunities/{opportunity}/shifts", new { startsAt = shiftStartsAt, endsAt = shiftStartsAt.AddHours(2), needed = random.Next(1, 4) }));
                    break;
                case 13 when shifts.Count > 0 && Pick(random, volunteers, "Approved") is { } volunteer:
                    using (var signUp = await PostAsync($"/api/engagement/shifts/{shifts[random.Next(shifts.Count)]}/sign-ups", new { volunteerId = volunteer }))
                    {
                        // A full shift, or one the volunteer already holds or that overlaps theirs, is refused.
                        ((int)signUp.StatusCode).Should().BeOneOf([201, 409], await signUp.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
                    }

                    break;
            }
        }

        // Staff record who came once the first event has begun.
        while (DateTimeOffset.UtcNow < heldEventStartsAt)
        {
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        foreach (var registration in (await GetJsonAsync($"/api/engagement/events/{events[0]}/registrations")).EnumerateArray().Where(r => Status(r) == "Confirmed"))
        {
            await PostOkAsync($"/api/engagement/registrations/{registration.GetProperty("id").GetGuid()}/attendance", new { peopleAttended = random.Next(registration.GetProperty("people").GetInt32() + 1) });
        }

        // What Engagement itself holds.
        var sourceVolunteers = await GetJsonAsync($"/api/engagement/offices/{officeId}/volunteers");
        var statuses = sourceVolunteers.EnumerateArray().Select(v => (Id: v.GetProperty("id").GetGuid(), Status: Status(v))).ToList();
        var hours = await GetJsonAsync($"/api/engagement/hours/summary?officeId={officeId}");
        var sourceEvents = new List<SourceEvent>();
        foreach (var eventId in events)
        {
            var ofEvent = (await GetJsonAsync($"/api/engagement/events/{eventId}/registrations")).EnumerateArray().ToList();
            ofEvent.ForEach(NotePromotion);
            sourceEvents.Add(new SourceEvent(await GetJsonAsync($"/api/engagement/events/{eventId}"), ofEvent));
        }

        var sourceTandems = new List<JsonElement>();
        foreach (var tandem in tandems)
        {
            sourceTandems.Add(await GetJsonAsync($"/api/engagement/tandems/{tandem}"));
        }

        var sourceShifts = new List<JsonElement>();
        foreach (var shift in shifts)
        {
            sourceShifts.Add(await GetJsonAsync($"/api/engagement/shifts/{shift}"));
        }

        var now = DateTimeOffset.UtcNow;
        var year = Period.Year(today);
        static DateOnly? Day(JsonElement item, string property) =>
            item.GetProperty(property) is { ValueKind: JsonValueKind.String } day ? DateOnly.Parse(day.GetString()!, CultureInfo.InvariantCulture) : null;
        static DateOnly? EndedOn(JsonElement tandem) => tandem.GetProperty("endedAt") is { ValueKind: JsonValueKind.String } ended ? LocalDate(ended.GetDateTimeOffset()) : null;
        var expected = new Figures();
        var volunteerPeriods = new[] { year, Period.Month(today) };
        foreach (var period in volunteerPeriods)
        {
            expected.Add(period.Scope, "active", statuses.Count(v => everApproved.Contains(v.Id)));
            expected.Add(period.Scope, "new", statuses.Count);
            expected.Add(period.Scope, "approved", statuses.Count(v => everApproved.Contains(v.Id)));
            expected.Add(period.Scope, "ended", statuses.Count(v => v.Status == "Ended"));
            expected.Add(period.Scope, "hours", hours.GetProperty("total").GetDecimal());
            // A tandem ended before its first day never ran: Engagement keeps no last day for it, and it is never active.
            expected.Add(period.Scope, "tandemsActive", sourceTandems.Count(t => Day(t, "startsOn") <= period.To && !(EndedOn(t) < period.From)
                && !(EndedOn(t) < Day(t, "startsOn")) && !(Day(t, "endsOn") < period.From)));
            expected.Add(period.Scope, "tandemsFormed", sourceTandems.Count(t => period.Contains(Day(t, "startsOn")!.Value)));
            expected.Add(period.Scope, "shiftsFilled", sourceShifts.Count(s => s.GetProperty("missing").GetInt32() == 0 && period.Contains(LocalDate(s.GetProperty("startsAt").GetDateTimeOffset()))));
        }

        foreach (var field in hours.GetProperty("byFieldOfAction").EnumerateArray())
        {
            expected.Add($"{year.Scope} {field.GetProperty("fieldOfAction").GetString()}", "volunteerHours", field.GetProperty("hours").GetDecimal());
        }

        // Every event begins within the next five days.
        var eventPeriods = PeriodsOf(Enumerable.Range(0, 6).Select(today.AddDays));
        foreach (var period in eventPeriods)
        {
            var inPeriod = sourceEvents.Where(e => period.Contains(LocalDate(e.Event.GetProperty("startsAt").GetDateTimeOffset()))).ToList();
            AddEventFigures(expected, $"{period.Scope} total", inPeriod, waitlisted, promoted, now);
            foreach (var field in inPeriod.GroupBy(e => e.Event.GetProperty("fieldOfAction").GetString()))
            {
                AddEventFigures(expected, $"{period.Scope} {field.Key}", [.. field], waitlisted, promoted, now);
            }
        }

        statuses.Count.Should().BeGreaterThan(30, "the mix must be big enough to mean something");
        sourceEvents.Sum(e => e.Registrations.Count).Should().BeGreaterThan(20);
        waitlisted.Should().HaveCountGreaterThan(3);
        promoted.Should().HaveCountGreaterThan(1);
        sourceTandems.Should().HaveCountGreaterThan(5);
        expected[$"{year.Scope} shiftsFilled"].Should().BeGreaterThan(1);
        expected[$"{Period.Day(LocalDate(heldEventStartsAt)).Scope} total peopleAttended"].Should().BeGreaterThan(0);

        // Reporting, once it has caught up, must show exactly that.
        await ShouldEventuallyReportAsync(expected, async () =>
        {
            var reported = new Figures();
            foreach (var period in volunteerPeriods)
            {
                AddReportedFigures(reported, period.Scope, (await GetJsonAsync($"/api/reporting/volunteers?officeId={officeId}&{period.Query}")).GetProperty("figures"),
                    "active", "new", "approved", "ended", "hours", "tandemsActive", "tandemsFormed", "shiftsFilled");
            }

            foreach (var field in (await GetJsonAsync($"/api/reporting/fields-of-action?officeId={officeId}&{year.Query}")).GetProperty("fields").EnumerateArray()
                .Where(f => f.GetProperty("figures").GetProperty("volunteerHours").GetDecimal() != 0))
            {
                AddReportedFigures(reported, $"{year.Scope} {field.GetProperty("fieldOfAction").GetString()}", field.GetProperty("figures"), "volunteerHours");
            }

            foreach (var period in eventPeriods)
            {
                var report = await GetJsonAsync($"/api/reporting/events?officeId={officeId}&{period.Query}");
                AddReportedFigures(reported, $"{period.Scope} total", report.GetProperty("total"), EventFigureNames);
                foreach (var field in report.GetProperty("byFieldOfAction").EnumerateObject())
                {
                    AddReportedFigures(reported, $"{period.Scope} {field.Name}", field.Value, EventFigureNames);
                }
            }

            return reported;
        });

        using var csv = await Client.GetAsync(new Uri($"/api/reporting/volunteers?officeId={officeId}&{year.Query}&format=csv", UriKind.Relative), TestContext.Current.CancellationToken);
        (await csv.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken))[..3].Should().Equal(0xEF, 0xBB, 0xBF);
    }

    [Fact]
    public async Task After_random_bookings_changes_and_outcomes_every_appointment_figure_equals_the_bookings_data()
    {
        var (officeId, opening) = await CreateOfficeOpeningShortlyAsync();
        var openingDay = LocalDate(opening);
        var days = Enumerable.Range(0, 4).Select(openingDay.AddDays).ToList();
        var fieldOfService = new Dictionary<Guid, string>();
        var slots = new List<Slot>();
        foreach (var field in new[] { "wohnen", "bildung" })
        {
            var service = await PostForIdAsync($"/api/bookings/offices/{officeId}/services", new
            {
                names = new Dictionary<string, string> { ["de"] = $"Beratung {field}" },
                durationMinutes = 15,
                channels = Channels,
                fieldOfAction = field,
                capacity = 12,
                minimumNoticeMinutes = 0,
            });
            fieldOfService[service] = field;
            foreach (var channel in Channels)
            {
                var found = await GetJsonAsync($"/api/bookings/services/{service}/slots?channel={channel}&from={days[0]:yyyy-MM-dd}&to={days[^1]:yyyy-MM-dd}");
                slots.AddRange(found.EnumerateArray().Select(slot => new Slot(service, channel, slot.GetProperty("startsAt").GetDateTimeOffset())));
            }
        }

        // The opening day has only the short opening's slot; its appointments are too close to be changed online.
        var openingSlots = slots.Where(slot => slot.StartsAt == opening).ToList();
        var laterSlots = slots.Where(slot => LocalDate(slot.StartsAt) > openingDay).ToList();
        openingSlots.Should().HaveCount(fieldOfService.Count * Channels.Length);
        laterSlots.Should().NotBeEmpty();
        var random = new Random(2611);
        var atOpening = new List<Guid>();
        for (var resident = 0; resident < 36; resident++)
        {
            if (await BookAsync(openingSlots[random.Next(openingSlots.Count)], random) is { } appointment)
            {
                atOpening.Add(appointment.Id);
            }
        }

        var changeable = new List<BookedAppointment>();
        for (var action = 0; action < 200; action++)
        {
            switch (random.Next(8))
            {
                case < 4:
                    if (await BookAsync(laterSlots[random.Next(laterSlots.Count)], random) is { } booked)
                    {
                        changeable.Add(booked);
                    }

                    break;
                case 4 when changeable.Count > 0:
                    await PostOkAsync($"{Take(changeable, random).ManagementUrl}/cancel", new { });
                    break;
                case 5 when changeable.Count > 0:
                    var moving = changeable[random.Next(changeable.Count)];
                    var alike = laterSlots.Where(slot => slot.Service == moving.Slot.Service && slot.Channel == moving.Slot.Channel).ToList();
                    using (var moved = await PostAsync($"{moving.ManagementUrl}/reschedule", new { startsAt = alike[random.Next(alike.Count)].StartsAt }))
                    {
                        // A full slot is refused; the appointment stays where it was.
                        ((int)moved.StatusCode).Should().BeOneOf([200, 409], await moved.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
                    }

                    break;
                case 6 when changeable.Count > 0:
                    await PostOkAsync($"/api/bookings/appointments/{Take(changeable, random).Id}/cancel", new { });
                    break;
                case 7 when atOpening.Count > 0 && random.Next(8) == 0:
                    await PostOkAsync($"/api/bookings/appointments/{Take(atOpening, random)}/cancel", new { });
                    break;
            }
        }

        // Staff record who came once the appointments have begun.
        await WaitUntilOpenAsync(officeId, opening);
        foreach (var appointment in atOpening)
        {
            switch (random.Next(3))
            {
                case 0:
                    await PostOkAsync($"/api/bookings/appointments/{appointment}/attended", new { outcomeFieldOfAction = Fields[random.Next(Fields.Length)], referredToOtherOrganisation = random.Next(2) == 0 });
                    break;
                case 1:
                    await PostOkAsync($"/api/bookings/appointments/{appointment}/no-show", new { });
                    break;
            }
        }

        // What Bookings itself holds, day by day.
        var dimensions = new Dictionary<string, Func<JsonElement, string>>
        {
            ["byChannel"] = a => a.GetProperty("channel").GetString()!,
            ["byFieldOfAction"] = a => fieldOfService[a.GetProperty("serviceId").GetGuid()],
            ["byLanguage"] = a => a.GetProperty("language").GetString()!,
            ["byInterpreterNeeded"] = a => a.GetProperty("interpreterNeeded").GetBoolean() ? "yes" : "no",
        };
        var offered = await OfferedAsync(officeId, days[0], days[^1]);
        var all = new List<JsonElement>();
        foreach (var day in days)
        {
            all.AddRange((await GetJsonAsync($"/api/bookings/offices/{officeId}/appointments?date={day:yyyy-MM-dd}")).EnumerateArray());
        }

        // Months and years as well as days: reporting sums its monthly tallies for them. The office has no appointments on other days.
        var periods = PeriodsOf(days);
        var expected = new Figures();
        foreach (var period in periods)
        {
            var appointments = all.Where(a => period.Contains(LocalDate(a.GetProperty("startsAt").GetDateTimeOffset()))).ToList();
            AddAppointmentFigures(expected, $"{period.Scope} total", appointments);
            foreach (var (dimension, valueOf) in dimensions)
            {
                foreach (var group in appointments.GroupBy(valueOf))
                {
                    AddAppointmentFigures(expected, $"{period.Scope} {dimension} {group.Key}", [.. group]);
                }
            }

            if (period.Kind == "day")
            {
                var bookedMinutes = appointments.Where(a => Status(a) != "Cancelled")
                    .Sum(a => (int)(a.GetProperty("endsAt").GetDateTimeOffset() - a.GetProperty("startsAt").GetDateTimeOffset()).TotalMinutes);
                AddOfferedFigures(expected, period.Scope, offered, period.From);
                expected.Add(period.Scope, "bookedMinutes", bookedMinutes);
                expected.Add(period.Scope, "utilisation", Share(bookedMinutes, offered.CapacityMinutes([period.From])));
            }
        }

        all.Should().HaveCountGreaterThan(100, "the mix must be big enough to mean something");
        foreach (var status in new[] { "Booked", "Cancelled", "Attended", "NoShow" })
        {
            all.Count(a => Status(a) == status).Should().BeGreaterThan(4, $"the mix must have {status} appointments");
        }

        await ShouldEventuallyReportAsync(expected, async () =>
        {
            var reported = new Figures();
            foreach (var period in periods)
            {
                var report = await GetJsonAsync($"/api/reporting/appointments?officeId={officeId}&{period.Query}");
                AddReportedFigures(reported, $"{period.Scope} total", report.GetProperty("total"), AppointmentFigureNames);
                foreach (var dimension in dimensions.Keys)
                {
                    foreach (var breakdown in report.GetProperty(dimension).EnumerateArray())
                    {
                        AddReportedFigures(reported, $"{period.Scope} {dimension} {breakdown.GetProperty("value").GetString()}", breakdown.GetProperty("figures"), AppointmentFigureNames);
                    }
                }

                if (period.Kind == "day")
                {
                    var hours = await GetJsonAsync($"/api/reporting/opening-hours?officeId={officeId}&{period.Query}");
                    AddReportedFigures(reported, period.Scope, hours, "offeredHours", "capacityMinutes", "bookedMinutes", "utilisation");
                }
            }

            return reported;
        });
    }

    [Fact]
    public async Task After_random_callback_requests_attempts_and_cancellations_every_callback_figure_equals_the_bookings_data()
    {
        var (officeId, opening) = await CreateOfficeOpeningShortlyAsync();
        var openingDay = LocalDate(opening);
        var days = Enumerable.Range(0, 3).Select(openingDay.AddDays).ToList();
        await PutOkAsync($"/api/bookings/offices/{officeId}/callback-settings", new { windowMinutes = 15, capacityPerWindow = 15, minimumNoticeMinutes = 0, horizonDays = 7 });
        var windows = (await GetJsonAsync($"/api/bookings/offices/{officeId}/callback-windows?from={days[0]:yyyy-MM-dd}&to={days[^1]:yyyy-MM-dd}"))
            .EnumerateArray().Select(window => window.GetProperty("startsAt").GetDateTimeOffset()).ToList();
        windows[0].Should().Be(opening);
        var laterWindows = windows.Where(window => LocalDate(window) > openingDay).ToList();
        laterWindows.Should().NotBeEmpty();

        var random = new Random(1121);
        var links = new List<string>();
        for (var resident = 0; resident < 18; resident++)
        {
            if (await RequestCallbackAsync(officeId, opening, random) is { } link)
            {
                links.Add(link.ManagementUrl);
            }
        }

        // Windows after the opening day can still be cancelled by their residents when the mix is over. Staff call
        // those residents early; the first window's they call once it has begun.
        var cancellable = new List<CallbackLink>();
        for (var action = 0; action < 200; action++)
        {
            switch (random.Next(7))
            {
                case < 3:
                    if (await RequestCallbackAsync(officeId, laterWindows[random.Next(laterWindows.Count)], random) is { } requested)
                    {
                        links.Add(requested.ManagementUrl);
                        cancellable.Add(requested);
                    }

                    break;
                case 3 when cancellable.Count > 0:
                    await PostOkAsync($"{Take(cancellable, random).ManagementUrl}/cancel", new { });
                    break;
                default:
                    var queue = (await GetJsonAsync($"/api/bookings/offices/{officeId}/callbacks/queue")).EnumerateArray()
                        .Where(callback => callback.GetProperty("windowStartsAt").GetDateTimeOffset() != opening).ToList();
                    if (queue.Count > 0 && await CallBackAsync(queue[random.Next(queue.Count)], random) is { } closed)
                    {
                        cancellable.RemoveAll(callback => callback.Id == closed);
                    }

                    break;
            }
        }

        // Staff call the first window's residents while it is open, twice at most each.
        await WaitUntilOpenAsync(officeId, opening);
        for (var round = 0; round < 2; round++)
        {
            foreach (var callback in (await GetJsonAsync($"/api/bookings/offices/{officeId}/callbacks/queue")).EnumerateArray()
                .Where(callback => callback.GetProperty("windowStartsAt").GetDateTimeOffset() == opening))
            {
                await CallBackAsync(callback, random);
            }
        }

        // What Bookings itself holds: every callback as its resident's link shows it.
        var callbacks = new List<JsonElement>();
        foreach (var link in links)
        {
            callbacks.Add(await GetJsonAsync(link));
        }

        var periods = PeriodsOf(days);
        var expected = new Figures();
        foreach (var period in periods)
        {
            var ofPeriod = callbacks.Where(c => period.Contains(LocalDate(c.GetProperty("windowStartsAt").GetDateTimeOffset()))).ToList();
            var reachedWithinWindow = ofPeriod.Count(ReachedWithinWindow);
            var minutesToFirstAttempt = ofPeriod.Where(c => c.GetProperty("attempts").GetArrayLength() > 0)
                .Select(c => (c.GetProperty("attempts")[0].GetProperty("attemptedAt").GetDateTimeOffset() - c.GetProperty("windowStartsAt").GetDateTimeOffset()).TotalMinutes)
                .Order().ToList();
            var scope = period.Scope;
            expected.Add(scope, "requested", ofPeriod.Count);
            expected.Add(scope, "reached", ofPeriod.Count(c => Status(c) == "Completed"));
            expected.Add(scope, "reachedWithinWindow", reachedWithinWindow);
            expected.Add(scope, "unreachable", ofPeriod.Count(c => Status(c) == "Unreachable"));
            expected.Add(scope, "overdue", ofPeriod.Count(c => c.GetProperty("overdue").GetBoolean()));
            expected.Add(scope, "cancelled", ofPeriod.Count(c => Status(c) == "Cancelled"));
            expected.Add(scope, "shareReachedWithinWindow", Share(reachedWithinWindow, ofPeriod.Count));
            expected.Add(scope, "medianMinutesToFirstAttempt", Minutes(Percentile(minutesToFirstAttempt, 50)));
            expected.Add(scope, "p90MinutesToFirstAttempt", Minutes(Percentile(minutesToFirstAttempt, 90)));
            foreach (var field in ofPeriod.GroupBy(c => c.GetProperty("fieldOfAction").GetString() ?? "none"))
            {
                expected.Add($"{scope} {field.Key}", "callbacksRequested", field.Count());
                expected.Add($"{scope} {field.Key}", "callbacksReached", field.Count(c => Status(c) == "Completed"));
            }
        }

        callbacks.Should().HaveCountGreaterThan(60, "the mix must be big enough to mean something");
        foreach (var status in new[] { "Open", "Completed", "Unreachable", "Cancelled" })
        {
            callbacks.Count(c => Status(c) == status).Should().BeGreaterThan(4, $"the mix must have {status} callbacks");
        }

        callbacks.Count(ReachedWithinWindow).Should().BeGreaterThan(2, "some residents must be reached inside their window");
        await ShouldEventuallyReportAsync(expected, async () =>
        {
            var reported = new Figures();
            foreach (var period in periods)
            {
                var scope = period.Scope;
                var report = await GetJsonAsync($"/api/reporting/callbacks?officeId={officeId}&{period.Query}");
                AddReportedFigures(reported, scope, report, "requested", "reached", "reachedWithinWindow", "unreachable", "overdue", "cancelled", "shareReachedWithinWindow");
                foreach (var percentile in new[] { "medianMinutesToFirstAttempt", "p90MinutesToFirstAttempt" })
                {
                    reported.Add(scope, percentile, Minutes(report.GetProperty(percentile) is { ValueKind: JsonValueKind.Number } minutes ? minutes.GetDouble() : null));
                }

                foreach (var field in (await GetJsonAsync($"/api/reporting/fields-of-action?officeId={officeId}&{period.Query}")).GetProperty("fields").EnumerateArray())
                {
                    AddReportedFigures(reported, $"{scope} {field.GetProperty("fieldOfAction").GetString()}", field.GetProperty("figures"), "callbacksRequested", "callbacksReached");
                }
            }

            return reported;
        });
    }

    [Fact]
    public async Task After_random_opening_hour_and_service_changes_the_offered_hours_equal_the_effective_hours_bookings_serves()
    {
        var officeId = await CreateBookableOfficeAsync();
        var today = Today();
        var random = new Random(2111);
        var exceptions = new List<DateOnly>();
        var closures = new List<Guid>();
        var services = new List<Guid>();
        var schedule = $"/api/bookings/offices/{officeId}/opening-hours";
        DateOnly SomeDay() => today.AddDays(random.Next(100));
        for (var action = 0; action < 60; action++)
        {
            switch (random.Next(7))
            {
                case 0 or 1:
                    var plan = Enum.GetValues<DayOfWeek>().Where(_ => random.Next(4) > 0)
                        .SelectMany(day => RandomHours(random).Select(hours => new { day, hours.Opens, hours.Closes })).ToList();
                    await PutOkAsync($"{schedule}/plans/{today.AddDays(random.Next(60)):yyyy-MM-dd}", new { intervals = plan });
                    break;
                case 2:
                    var date = SomeDay();
                    await PutOkAsync($"{schedule}/exceptions/{date:yyyy-MM-dd}", new { intervals = random.Next(2) == 0 ? [] : RandomHours(random), reason = "Teamtag" });
                    exceptions.Add(date);
                    break;
                case 3 when exceptions.Count > 0:
                    await DeleteOkAsync($"{schedule}/exceptions/{Take(exceptions, random):yyyy-MM-dd}");
                    break;
                case 4:
                    var from = SomeDay();
                    using (var added = await PostAsync($"{schedule}/closures", new { from, to = from.AddDays(random.Next(7)), reason = "Urlaub" }))
                    {
                        await ShouldSucceedAsync($"{schedule}/closures", added);
                        var all = (await added.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("closures").EnumerateArray();
                        closures.Add(all.Select(c => c.GetProperty("id").GetGuid()).Except(closures).Single());
                    }

                    break;
                case 5 when closures.Count > 0:
                    await DeleteOkAsync($"{schedule}/closures/{Take(closures, random)}");
                    break;
                case 6 when services.Count > 2:
                    await DeleteOkAsync($"/api/bookings/services/{Take(services, random)}");
                    break;
                case 6:
                    services.Add(await PostForIdAsync($"/api/bookings/offices/{officeId}/services", new
                    {
                        names = new Dictionary<string, string> { ["de"] = "Mieterberatung" },
                        durationMinutes = 30,
                        channels = Channels,
                        fieldOfAction = "wohnen",
                        capacity = random.Next(1, 5),
                    }));
                    break;
            }
        }

        // Every day of the rest of this month, and the next three months as a whole.
        var months = Enumerable.Range(1, 3).Select(n => Period.Month(today.AddMonths(n))).ToList();
        var periods = Enumerable.Range(0, months[0].From.DayNumber - today.DayNumber).Select(n => Period.Day(today.AddDays(n))).Concat(months).ToList();
        var offered = await OfferedAsync(officeId, today, months[^1].To);
        var expected = new Figures();
        foreach (var period in periods)
        {
            AddOfferedFigures(expected, period.Scope, offered, [.. period.Days]);
        }

        offered.MinutesOpen.Values.Count(minutes => minutes == 0).Should().BeGreaterThan(5, "some days must be closed");
        offered.MinutesOpen.Values.Distinct().Should().HaveCountGreaterThan(5, "the days must differ");
        await ShouldEventuallyReportAsync(expected, async () =>
        {
            var reported = new Figures();
            foreach (var period in periods)
            {
                AddReportedFigures(reported, period.Scope, await GetJsonAsync($"/api/reporting/opening-hours?officeId={officeId}&{period.Query}"), "offeredHours", "capacityMinutes");
            }

            return reported;
        });
    }

    private async Task<Guid> CreateOfficeAsync()
    {
        var officeId = await PostForIdAsync("/api/offices", OfficeFlowTests.SuedstadtOffice());
        await platform.WaitForAsync<JsonElement>($"/api/engagement/offices/{officeId}", ArrivalTimeout);
        await platform.WaitForAsync<JsonElement>($"/api/reporting/offices/{officeId}", ArrivalTimeout);
        return officeId;
    }

    private async Task<Guid> CreateBookableOfficeAsync()
    {
        var officeId = await CreateOfficeAsync();
        await platform.WaitForAsync<JsonElement>($"/api/bookings/offices/{officeId}", ArrivalTimeout);
        return officeId;
    }

    private static DateOnly Today() => LocalDate(DateTimeOffset.UtcNow);

    private static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Berlin).DateTime);

    /// <summary>Each of these days, and the months and years they fall in.</summary>
    private static List<Period> PeriodsOf(IEnumerable<DateOnly> days) =>
        [.. days.Select(Period.Day).Concat(days.Select(Period.Month)).Concat(days.Select(Period.Year)).Distinct()];

    private static string? Status(JsonElement item) => item.GetProperty("status").GetString();

    /// <summary>
    /// An office open 08:00–20:00 every day but, on the day it opens next, only for a quarter of an hour from the next
    /// whole minute at least half a minute ahead (from midnight when the day has no quarter left): residents book that
    /// quarter's slot and window before it begins, and staff record what happened once it has, on the real clock the
    /// platform runs on. Answers the office and the instant it opens.
    /// </summary>
    private async Task<(Guid OfficeId, DateTimeOffset Opening)> CreateOfficeOpeningShortlyAsync()
    {
        var officeId = await CreateBookableOfficeAsync();
        await PutOkAsync($"/api/bookings/offices/{officeId}/opening-hours/plans/{Today():yyyy-MM-dd}", new
        {
            intervals = Enum.GetValues<DayOfWeek>().Select(day => new { day, opens = "08:00", closes = "20:00" }),
        });
        var opens = ShortlyAfterNow().DateTime;
        if (opens.TimeOfDay > new TimeSpan(23, 44, 0))
        {
            opens = opens.Date.AddDays(1);
        }

        var time = TimeOnly.FromDateTime(opens);
        await PutOkAsync($"/api/bookings/offices/{officeId}/opening-hours/exceptions/{opens:yyyy-MM-dd}", new
        {
            intervals = new[] { new LocalHours(time, time.AddMinutes(15)) },
            reason = "Kurzsprechstunde",
        });
        return (officeId, new DateTimeOffset(opens, Berlin.GetUtcOffset(opens)));
    }

    /// <summary>The next whole minute at least half a minute ahead: time enough to book before it, on the offices' clock.</summary>
    private static DateTimeOffset ShortlyAfterNow()
    {
        var soon = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddSeconds(30), Berlin);
        return soon.AddTicks(TimeSpan.TicksPerMinute - (soon.Ticks % TimeSpan.TicksPerMinute));
    }

    /// <summary>Polls until the office says it is open, as staff waiting for the first resident would.</summary>
    private async Task WaitUntilOpenAsync(Guid officeId, DateTimeOffset opening)
    {
        var deadline = opening + ArrivalTimeout;
        while (!(await GetJsonAsync($"/api/bookings/offices/{officeId}/open-now")).GetProperty("open").GetBoolean())
        {
            DateTimeOffset.UtcNow.Should().BeBefore(deadline, "the office opens at {0}", opening);
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    private static List<LocalHours> RandomHours(Random random)
    {
        var opens = new TimeOnly(7, 0).AddMinutes(15 * random.Next(16));
        var closes = opens.AddMinutes(15 * random.Next(4, 17));
        var afternoon = closes.AddMinutes(15 * random.Next(1, 8));
        return random.Next(3) == 0 ? [new(opens, closes), new(afternoon, afternoon.AddMinutes(15 * random.Next(4, 13)))] : [new(opens, closes)];
    }

    /// <summary>What Bookings serves for these dates: the minutes it is open on each, and how many residents it serves at once.</summary>
    private async Task<Offered> OfferedAsync(Guid officeId, DateOnly from, DateOnly to)
    {
        var days = await GetJsonAsync($"/api/bookings/offices/{officeId}/opening-hours/effective?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        var services = await GetJsonAsync($"/api/bookings/offices/{officeId}/services");
        return new Offered(
            days.EnumerateArray().ToDictionary(
                day => DateOnly.Parse(day.GetProperty("date").GetString()!, CultureInfo.InvariantCulture),
                day => day.GetProperty("intervals").EnumerateArray()
                    .Sum(interval => (int)(interval.GetProperty("endsAt").GetDateTimeOffset() - interval.GetProperty("startsAt").GetDateTimeOffset()).TotalMinutes)),
            // Bookings counts an office without services as serving one resident at a time.
            Math.Max(services.EnumerateArray().Sum(service => service.GetProperty("capacity").GetInt32()), 1));
    }

    private static void AddOfferedFigures(Figures figures, string scope, Offered offered, params IReadOnlyList<DateOnly> days)
    {
        figures.Add(scope, "offeredHours", Math.Round(offered.Minutes(days) / 60m, 2));
        figures.Add(scope, "capacityMinutes", offered.CapacityMinutes(days));
    }

    private static void AddAppointmentFigures(Figures figures, string scope, IReadOnlyCollection<JsonElement> appointments)
    {
        figures.Add(scope, "booked", appointments.Count);
        figures.Add(scope, "cancelled", appointments.Count(a => Status(a) == "Cancelled"));
        figures.Add(scope, "attended", appointments.Count(a => Status(a) == "Attended"));
        figures.Add(scope, "noShow", appointments.Count(a => Status(a) == "NoShow"));
    }

    private static void AddEventFigures(Figures figures, string scope, IReadOnlyCollection<SourceEvent> events, HashSet<Guid> waitlisted, HashSet<Guid> promoted, DateTimeOffset now)
    {
        var registrations = events.SelectMany(e => e.Registrations).ToList();
        var held = events.Where(e => Status(e.Event) != "Cancelled" && e.Event.GetProperty("startsAt").GetDateTimeOffset() <= now).ToList();
        var atHeld = held.SelectMany(e => e.Registrations).ToList();
        var confirmed = atHeld.Where(r => Status(r) == "Confirmed").Sum(r => r.GetProperty("people").GetInt32());
        var attended = atHeld.Sum(r => r.GetProperty("peopleAttended") is { ValueKind: JsonValueKind.Number } people ? people.GetInt32() : 0);
        figures.Add(scope, "scheduled", events.Count);
        figures.Add(scope, "cancelled", events.Count(e => Status(e.Event) == "Cancelled"));
        figures.Add(scope, "held", held.Count);
        figures.Add(scope, "registrations", registrations.Count);
        figures.Add(scope, "waitlisted", registrations.Count(r => waitlisted.Contains(r.GetProperty("id").GetGuid())));
        figures.Add(scope, "promoted", registrations.Count(r => promoted.Contains(r.GetProperty("id").GetGuid())));
        figures.Add(scope, "registrationsCancelled", registrations.Count(r => Status(r) == "Cancelled"));
        figures.Add(scope, "peopleConfirmedAtHeldEvents", confirmed);
        figures.Add(scope, "peopleAttended", attended);
        figures.Add(scope, "attendanceRate", Share(attended, confirmed));
    }

    private static void AddReportedFigures(Figures figures, string scope, JsonElement reported, params IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            figures.Add(scope, name, reported.GetProperty(name) is { ValueKind: JsonValueKind.Number } value ? value.GetDecimal() : null);
        }
    }

    /// <summary>A share as reporting defines it: rounded to four places, none without a whole.</summary>
    private static decimal? Share(int part, int whole) => whole == 0 ? null : Math.Round((decimal)part / whole, 4, MidpointRounding.AwayFromZero);

    /// <summary>The percentile by linear interpolation between the closest ranks of sorted values, as reporting defines it.</summary>
    private static double? Percentile(IReadOnlyList<double> sorted, double percentile)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = percentile / 100 * (sorted.Count - 1);
        var lower = (int)Math.Floor(rank);
        return sorted[lower] + ((sorted[(int)Math.Ceiling(rank)] - sorted[lower]) * (rank - lower));
    }

    /// <summary>Minutes to the hundredth, as a reader compares them: the source keeps instants to the tick, reporting to the microsecond.</summary>
    private static decimal? Minutes(double? minutes) => minutes is { } value ? Math.Round((decimal)value, 2) : null;

    /// <summary>Polls reporting until it shows exactly the figures expected, then asserts them: a difference names its figures.</summary>
    private static async Task ShouldEventuallyReportAsync(Figures expected, Func<Task<Figures>> report)
    {
        var deadline = DateTime.UtcNow + ArrivalTimeout;
        while (true)
        {
            var reported = await report();
            if (reported.SequenceEqual(expected) || DateTime.UtcNow > deadline)
            {
                reported.Should().BeEquivalentTo(expected);
                return;
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    private async Task<BookedAppointment?> BookAsync(Slot slot, Random random)
    {
        using var response = await PostAsync("/api/bookings/appointments", new
        {
            serviceId = slot.Service,
            startsAt = slot.StartsAt,
            channel = slot.Channel,
            name = "Anwohner",
            phone = "+49 3605 000000",
            language = Languages[random.Next(Languages.Length)],
            interpreterNeeded = random.Next(3) == 0,
            consent = new { textVersion = "2026-12-appointments", givenAt = DateTimeOffset.UtcNow },
        });
        ((int)response.StatusCode).Should().BeOneOf([201, 409], await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        if (response.StatusCode != HttpStatusCode.Created)
        {
            return null;
        }

        var confirmation = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return new BookedAppointment(confirmation.GetProperty("appointmentId").GetGuid(), confirmation.GetProperty("managementUrl").GetString()!, slot);
    }

    private async Task<CallbackLink?> RequestCallbackAsync(Guid officeId, DateTimeOffset windowStartsAt, Random random)
    {
        using var response = await PostAsync($"/api/bookings/offices/{officeId}/callbacks", new
        {
            windowStartsAt,
            phone = "+49 3605 000000",
            language = Languages[random.Next(Languages.Length)],
            fieldOfAction = random.Next(4) == 0 ? null : Fields[random.Next(Fields.Length)],
            consent = new { textVersion = "2026-12-appointments", givenAt = DateTimeOffset.UtcNow },
        });
        ((int)response.StatusCode).Should().BeOneOf([201, 409], await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        if (response.StatusCode != HttpStatusCode.Created)
        {
            return null;
        }

        var confirmation = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return new CallbackLink(confirmation.GetProperty("callbackId").GetGuid(), confirmation.GetProperty("managementUrl").GetString()!);
    }

    /// <summary>Staff call a resident from the queue; answers the callback's id when this attempt closed it.</summary>
    private async Task<Guid?> CallBackAsync(JsonElement queued, Random random)
    {
        var callbackId = queued.GetProperty("callbackId").GetGuid();
        var outcome = random.Next(3) == 0 ? "Reached" : FailedAttempts[random.Next(FailedAttempts.Length)];
        using var response = await PostAsync($"/api/bookings/callbacks/{callbackId}/attempts", new { outcome });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return Status(await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)) == "Open" ? null : callbackId;
    }

    /// <summary>Bookings' own rule: the call that reached the resident fell inside the booked window.</summary>
    private static bool ReachedWithinWindow(JsonElement callback)
    {
        if (Status(callback) != "Completed")
        {
            return false;
        }

        var reachedAt = callback.GetProperty("attempts").EnumerateArray().Last().GetProperty("attemptedAt").GetDateTimeOffset();
        return callback.GetProperty("windowStartsAt").GetDateTimeOffset() <= reachedAt && reachedAt <= callback.GetProperty("windowEndsAt").GetDateTimeOffset();
    }

    /// <summary>Removes a random item and answers it.</summary>
    private static T Take<T>(List<T> items, Random random)
    {
        var item = items[random.Next(items.Count)];
        items.Remove(item);
        return item;
    }

    private static Guid? Pick(Random random, Dictionary<Guid, string> volunteers, params string[] statuses)
    {
        var candidates = volunteers.Where(v => statuses.Contains(v.Value)).Select(v => v.Key).ToList();
        return candidates.Count == 0 ? null : candidates[random.Next(candidates.Count)];
    }

    private async Task ChangeVolunteerAsync(Dictionary<Guid, string> volunteers, Guid volunteer, string verb, string? status)
    {
        using var response = await PostAsync($"/api/engagement/volunteers/{volunteer}/{verb}", new { });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        volunteers[volunteer] = status ?? (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("status").GetString()!;
    }

    private static object SignUp(int number) => new
    {
        name = $"Freiwillige {number}",
        phone = "+49 5721 000000",
        languages = new[] { "de" },
        skills = Array.Empty<string>(),
        availability = Array.Empty<object>(),
        ageGroup = "Adult",
        consent = true,
        consentTextVersion = "2026-12-volunteers",
    };

    private static object Event(DateTimeOffset startsAt, string field, int capacity) => new
    {
        fieldOfAction = field,
        texts = new[] { new { language = "de", title = "Nachbarschaftstreff", description = (string?)null } },
        place = "Gemeinschaftsraum",
        startsAt,
        endsAt = startsAt.AddHours(2),
        registrationDeadline = (DateTimeOffset?)null,
        capacity,
    };

    private static object Registration(int people) => new
    {
        name = "Anwohnerin",
        phone = "+49 3605 000000",
        people,
        consent = true,
        consentTextVersion = "2026-12-events",
    };

    private async Task<HttpResponseMessage> PostAsync(string path, object body) =>
        await Client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, TestContext.Current.CancellationToken);

    private async Task PostOkAsync(string path, object body)
    {
        using var response = await PostAsync(path, body);
        await ShouldSucceedAsync(path, response);
    }

    private async Task PutOkAsync(string path, object body)
    {
        using var response = await Client.PutAsJsonAsync(new Uri(path, UriKind.Relative), body, TestContext.Current.CancellationToken);
        await ShouldSucceedAsync(path, response);
    }

    private async Task DeleteOkAsync(string path)
    {
        using var response = await Client.DeleteAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        await ShouldSucceedAsync(path, response);
    }

    private static async Task ShouldSucceedAsync(string path, HttpResponseMessage response) =>
        response.IsSuccessStatusCode.Should().BeTrue($"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");

    private async Task<Guid> PostForIdAsync(string path, object body)
    {
        using var response = await PostAsync(path, body);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        response.StatusCode.Should().Be(HttpStatusCode.OK, $"{path}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    /// <summary>A reporting period: its kind, first and last day, and how its figures are named.</summary>
    private sealed record Period(string Kind, DateOnly From, DateOnly To)
    {
        public string Scope => Kind switch
        {
            "day" => $"{From:yyyy-MM-dd}",
            "month" => $"{From:yyyy-MM}",
            _ => $"{From:yyyy}",
        };

        public string Query => $"period={Kind}&date={From:yyyy-MM-dd}";

        public IEnumerable<DateOnly> Days => Enumerable.Range(0, To.DayNumber - From.DayNumber + 1).Select(From.AddDays);

        public static Period Day(DateOnly day) => new("day", day, day);

        public static Period Month(DateOnly day) => new("month", new DateOnly(day.Year, day.Month, 1), new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1));

        public static Period Year(DateOnly day) => new("year", new DateOnly(day.Year, 1, 1), new DateOnly(day.Year, 12, 31));

        public bool Contains(DateOnly day) => From <= day && day <= To;
    }

    private sealed record Slot(Guid Service, string Channel, DateTimeOffset StartsAt);

    private sealed record BookedAppointment(Guid Id, string ManagementUrl, Slot Slot);

    private sealed record CallbackLink(Guid Id, string ManagementUrl);

    private sealed record EventRegistration(Guid Id, string Token);

    /// <summary>An event and its registrations as Engagement holds them.</summary>
    private sealed record SourceEvent(JsonElement Event, List<JsonElement> Registrations);

    private sealed record LocalHours(TimeOnly Opens, TimeOnly Closes);

    /// <summary>What an office offers: minutes open per local date, and how many residents it serves at once.</summary>
    private sealed record Offered(Dictionary<DateOnly, int> MinutesOpen, int ParallelCapacity)
    {
        public int Minutes(IEnumerable<DateOnly> days) => days.Sum(day => MinutesOpen[day]);

        public int CapacityMinutes(IEnumerable<DateOnly> days) => Minutes(days) * ParallelCapacity;
    }

    /// <summary>
    /// Report figures by name, e.g. "2026-11-21 byChannel Phone noShow", in one order: what the source says and what
    /// reporting shows compare entry by entry, and a difference names the figure.
    /// </summary>
    private sealed class Figures() : SortedDictionary<string, decimal?>(StringComparer.Ordinal)
    {
        public void Add(string scope, string name, decimal? value) => Add($"{scope} {name}", value);
    }
}
