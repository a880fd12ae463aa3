using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartier.Bookings.Appointments;
using Quartier.Bookings.Callbacks;
using Quartier.Bookings.Data;
using Quartier.Bookings.Privacy;
using Quartier.Bookings.Tests.Support;
using Quartier.ServiceDefaults.Idempotency;
using Quartier.ServiceDefaults.Mail;
using Quartier.ServiceDefaults.Persistence;
using Quartier.ServiceDefaults.Privacy;
using Quartier.Testing;

namespace Quartier.Bookings.Tests;

public sealed class RetentionTests(PlatformInfrastructure platform) : IAsyncLifetime
{
    private BookingsHost host = null!;

    public async ValueTask InitializeAsync() => host = await BookingsHost.StartAsync(platform);

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Personal_data_goes_30_days_after_the_appointment_or_callback_and_the_bookings_stay()
    {
        var office = await host.RegisterOfficeAsync("DE-NI");
        await host.OpenAlwaysAsync(office, new DateOnly(2020, 1, 1));
        var service = await host.CreateServiceAsync(office, horizonDays: 60);
        using var settings = await host.Client.PutAsJsonAsync($"/api/bookings/offices/{office}/callback-settings", new CallbackSettingsRequest(60, 1, 0, 14), Json.Options, TestContext.Current.CancellationToken);
        var slot = await host.FreeSlotAsync(service.Id, TimeSpan.FromHours(3));
        var done = await host.Client.BookOkAsync(Requests.Booking(service.Id, slot.StartsAt));
        var farAhead = await host.Client.BookOkAsync(Requests.Booking(service.Id, (await host.FreeSlotFromAsync(service.Id, slot.StartsAt.AddDays(40))).StartsAt));
        var windows = await host.Client.GetOkAsync<List<CallbackWindow>>($"/api/bookings/offices/{office}/callback-windows?from={slot.StartsAt:yyyy-MM-dd}&to={slot.StartsAt.AddDays(2):yyyy-MM-dd}");
        using var callbackResponse = await host.Client.PostAsync($"/api/bookings/offices/{office}/callbacks",
            new RequestCallbackRequest(windows[^1].StartsAt, "0160 1234567", "ar", "Wohnungssuche", null, new ConsentRequest("2026-12-appointments", DateTimeOffset.UtcNow)));
        var callback = await callbackResponse.ReadAsync<CallbackConfirmation>();

        host.Clock.Advance(slot.EndsAt - host.Clock.GetUtcNow() + TimeSpan.FromDays(29));
        (await host.RunScopedAsync<PersonalDataPurge, int>(purge => purge.PurgeAsync(TestContext.Current.CancellationToken))).Should().Be(0);
        host.Clock.Advance(TimeSpan.FromDays(4));
        var purged = await host.RunScopedAsync<PersonalDataPurge, int>(purge => purge.PurgeAsync(TestContext.Current.CancellationToken));

        purged.Should().Be(2);
        using (var expired = await host.Anonymous.GetAsync(new Uri(done.ManagementUrl, UriKind.Relative), TestContext.Current.CancellationToken))
        {
            expired.StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound, "an expired link opens nothing, like an unknown one");
        }

        using (var expired = await host.Anonymous.GetAsync(new Uri(callback.ManagementUrl, UriKind.Relative), TestContext.Current.CancellationToken))
        {
            expired.StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
        }

        (await host.Client.GetOkAsync<AppointmentView>(farAhead.ManagementUrl)).Name.Should().Be("Amina Yilmaz");
        var day = await host.Client.GetOkAsync<List<StaffAppointmentView>>($"/api/bookings/offices/{office}/appointments?date={slot.StartsAt:yyyy-MM-dd}");
        day.Should().ContainSingle(a => a.AppointmentId == done.AppointmentId && a.Name == null && a.Channel == Contracts.Bookings.AppointmentChannel.InPerson);
    }

    [Fact]
    public async Task An_office_that_keeps_its_residents_data_ten_days_loses_it_after_ten_while_another_office_keeps_it_thirty()
    {
        var brief = await host.RegisterOfficeAsync("DE-NI", "Stadtteilbüro Kurzfristig");
        var usual = await host.RegisterOfficeAsync("DE-NI", "Stadtteilbüro Üblich");
        var from = new DateOnly(2020, 1, 1);
        await host.OpenAlwaysAsync(brief, from);
        await host.OpenAlwaysAsync(usual, from);
        var briefService = await host.CreateServiceAsync(brief);
        var usualService = await host.CreateServiceAsync(usual);
        var slot = await host.FreeSlotAsync(briefService.Id, TimeSpan.FromHours(3));
        var briefBooking = await host.Client.BookOkAsync(Requests.Booking(briefService.Id, slot.StartsAt));
        var usualBooking = await host.Client.BookOkAsync(Requests.Booking(usualService.Id, (await host.FreeSlotFromAsync(usualService.Id, slot.StartsAt)).StartsAt));
        var retention = $"/api/bookings/offices/{brief}/retention";

        using (var tooShort = await host.Client.PutAsJsonAsync($"{retention}/appointments", new RetentionRequest(3), Json.Options, Cancellation))
        {
            tooShort.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await tooShort.Content.ReadAsStringAsync(Cancellation)).Should().Contain("between 7 and 180 days");
        }

        using (var unknown = await host.Client.PutAsJsonAsync($"{retention}/volunteers", new RetentionRequest(30), Json.Options, Cancellation))
        {
            unknown.StatusCode.Should().Be(HttpStatusCode.NotFound, "Bookings holds no volunteers");
        }

        using (var chosen = await host.Client.PutAsJsonAsync($"{retention}/appointments", new RetentionRequest(10), Json.Options, Cancellation))
        {
            (await chosen.ReadAsync<RetentionSetting>()).Should().BeEquivalentTo(new { Kind = "appointments", Days = 10, OwnChoice = true, MinimumDays = 7, MaximumDays = 180 });
        }

        (await host.Client.GetOkAsync<List<RetentionSetting>>(retention)).Select(r => (r.Kind, r.Days, r.OwnChoice))
            .Should().Equal(("appointments", 10, true), ("callbacks", 30, false));

        host.Clock.Advance(slot.EndsAt - host.Clock.GetUtcNow() + TimeSpan.FromDays(11));
        (await host.RunScopedAsync<PersonalDataPurge, int>(purge => purge.PurgeAsync(Cancellation))).Should().Be(1);
        using (var gone = await host.Anonymous.GetAsync(new Uri(briefBooking.ManagementUrl, UriKind.Relative), Cancellation))
        {
            gone.StatusCode.Should().Be(HttpStatusCode.NotFound, "the office keeps appointments ten days");
        }

        (await host.Client.GetOkAsync<AppointmentView>(usualBooking.ManagementUrl)).Name.Should().Be("Amina Yilmaz", "the other office keeps the deployment's thirty days");

        using (var back = await host.Client.DeleteAsync(new Uri($"{retention}/appointments", UriKind.Relative), Cancellation))
        {
            (await back.ReadAsync<RetentionSetting>()).Should().BeEquivalentTo(new { Days = 30, OwnChoice = false });
        }
    }

    [Fact]
    public async Task A_repeated_booking_is_answered_from_its_stored_answer_only_for_the_idempotent_answers_retention()
    {
        var office = await host.RegisterOfficeAsync("DE-NI");
        await host.OpenAlwaysAsync(office, new DateOnly(2020, 1, 1));
        var service = await host.CreateServiceAsync(office, horizonDays: 60);
        var key = Guid.NewGuid().ToString();
        var booking = Requests.Booking(service.Id, (await host.FreeSlotFromAsync(service.Id, host.Clock.GetUtcNow().AddDays(10))).StartsAt);
        using var first = await host.Client.BookAsync(booking, key);
        first.StatusCode.Should().Be(HttpStatusCode.Created);

        host.Clock.Advance(TimeSpan.FromHours(23));
        await host.RunScopedAsync<Housekeeping<BookingsDbContext>, string?>(job => job.RunOnceAsync(Cancellation));
        using (var repeat = await host.Client.BookAsync(booking, key))
        {
            repeat.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        }

        host.Clock.Advance(TimeSpan.FromHours(2));
        await host.RunScopedAsync<Housekeeping<BookingsDbContext>, string?>(job => job.RunOnceAsync(Cancellation));
        (await host.RunScopedAsync<BookingsDbContext, int>(db => db.Set<IdempotentRequest>().CountAsync(Cancellation)))
            .Should().Be(0, "the stored answer holds the resident's name and goes after a day");
        using var late = await host.Client.BookAsync(booking, key);
        late.StatusCode.Should().Be(HttpStatusCode.Conflict, "without the stored answer the repeat is a new booking of a slot already taken");
    }

    [Fact]
    public async Task A_message_that_could_not_go_out_goes_with_its_address_a_mail_retention_after_it_was_due_and_one_due_later_stays()
    {
        var stuck = $"stuck-{Guid.NewGuid():N}@example.org";
        var due = $"due-later-{Guid.NewGuid():N}@example.org";
        var letter = new ResidentLetter("de", "Ihr Termin", "Guten Tag,", [], [], null, "Freundliche Grüße");
        await host.RunScopedAsync<BookingsDbContext, int>(db =>
        {
            var mail = host.Services.GetRequiredService<ResidentMail>();
            mail.Add(db, stuck, "appointment-confirmed", Guid.NewGuid(), letter);
            mail.Add(db, due, "appointment-reminder", Guid.NewGuid(), letter, host.Clock.GetUtcNow().AddDays(40));
            foreach (var queued in db.ChangeTracker.Entries<OutgoingMail>())
            {
                // No attempt before the housekeeping: what is tested is a message no server took.
                queued.Entity.NextAttemptAt = host.Clock.GetUtcNow().AddYears(1);
            }

            return db.SaveChangesAsync(Cancellation);
        });

        host.Clock.Advance(TimeSpan.FromDays(31));
        await host.RunScopedAsync<MailHousekeeping<BookingsDbContext>, string?>(job => job.RunOnceAsync(Cancellation));

        var left = await host.RunScopedAsync<BookingsDbContext, List<string?>>(db => db.Set<OutgoingMail>()
            .Where(m => m.Recipient == stuck || m.Recipient == due).Select(m => m.Recipient).ToListAsync(Cancellation));
        left.Should().Equal(due);
    }

    [Fact]
    public async Task A_retention_outside_its_limits_keeps_the_service_from_starting_and_says_why()
    {
        var start = () => BookingsHost.StartAsync(platform, new Dictionary<string, string> { ["Retention:Appointments"] = "400", ["Retention:Sightings"] = "5" });

        (await start.Should().ThrowAsync<OptionsValidationException>())
            .Which.Failures.Should().BeEquivalentTo(
                "Retention:Appointments is 400 days; it must lie between 7 and 180 days.",
                "Retention:Sightings is no kind of data; the kinds are appointments, callbacks, registrations, volunteers, idempotentAnswers, mails, accessRecord.");
    }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;
}

