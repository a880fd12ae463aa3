using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Quartier.Bookings.Appointments;
using Quartier.Bookings.Callbacks;
using Quartier.Bookings.Data;
using Quartier.Bookings.Privacy;
using Quartier.Bookings.Tests.Support;
using Quartier.Contracts.Bookings;
using Quartier.Contracts.Offices;
using Quartier.ServiceDefaults.Mail;
using Quartier.Testing;

namespace Quartier.Bookings.Tests;

/// <summary>What residents who gave an e-mail address receive, through a real SMTP server.</summary>
public sealed class ResidentMailTests(PlatformInfrastructure platform) : IAsyncLifetime
{
    private SmtpSink smtp = null!;
    private BookingsHost host = null!;
    private Guid office;

    public async ValueTask InitializeAsync()
    {
        smtp = await SmtpSink.StartAsync(TestContext.Current.CancellationToken);
        host = await BookingsHost.StartAsync(platform, smtp.Settings());
        office = await host.RegisterOfficeAsync("DE-TH");
        await host.OpenAlwaysAsync(office, new DateOnly(2020, 1, 1));
    }

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_booking_is_confirmed_in_the_residents_language_with_the_appointment_for_the_calendar_and_a_link_that_opens_it()
    {
        var service = await host.CreateServiceAsync(office, durationMinutes: 45);
        var slot = await host.FreeSlotAsync(service.Id, TimeSpan.FromDays(3));
        var email = Recipient();
        var confirmation = await host.Client.BookOkAsync(Requests.Booking(service.Id, slot.StartsAt) with { Email = email, MessageLanguage = "ar" });

        var message = (await smtp.WaitForAsync(email)).Should().ContainSingle().Subject;

        LanguageOf(message).Should().Be("ar");
        message.Subject.Should().StartWith("موعدكم");
        message.From.Mailboxes.Single().Address.Should().Be("buero@quartier.test");
        message.HtmlBody.Should().Contain("lang=\"ar\" dir=\"rtl\"").And.Contain("Käthe-Kollwitz-Straße 20, 37327 Leinefelde-Worbis")
            .And.Contain("<br>Stadtteilbüro Südstadt", "the office signs below the closing");
        var link = $"http://quartier.test/appointment/{confirmation.ManagementToken}";
        message.TextBody.Should().Contain(link);
        message.HtmlBody.Should().Contain($"href=\"{link}\"");

        var calendar = message.Attachments.OfType<MimePart>().Should().ContainSingle(part => part.ContentType.MimeType == "text/calendar").Subject;
        using var content = new MemoryStream();
        await calendar.Content!.DecodeToAsync(content, TestContext.Current.CancellationToken);
        var appointment = Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(content.ToArray()))!.Events.Single();
        appointment.Uid.Should().Be($"{confirmation.AppointmentId}@bookings.quartier");
        appointment.DtStart!.AsUtc.Should().Be(slot.StartsAt.UtcDateTime);
        appointment.DtEnd!.AsUtc.Should().Be(slot.StartsAt.AddMinutes(45).UtcDateTime);

        // The link in the message opens the booking.
        var token = link.Split('/').Last();
        (await host.Anonymous.GetOkAsync<AppointmentView>($"{AppointmentEndpoints.ManagePath}/{token}")).AppointmentId.Should().Be(confirmation.AppointmentId);

        // Once sent, neither the text nor the address is kept.
        var kept = await host.RunScopedAsync<BookingsDbContext, OutgoingMail>(db => db.Set<OutgoingMail>().AsNoTracking()
            .SingleAsync(m => m.About == confirmation.AppointmentId && m.Kind == "appointment-confirmed", TestContext.Current.CancellationToken));
        kept.Should().BeEquivalentTo(new { State = MailState.Sent, Recipient = (string?)null, Content = (byte[]?)null });
    }

    [Fact]
    public async Task Residents_who_gave_no_address_get_no_message_and_the_language_falls_back_to_the_appointments_then_German()
    {
        var service = await host.CreateServiceAsync(office);
        var withoutAddress = await host.Client.BookOkAsync(Requests.Booking(service.Id, (await host.FreeSlotAsync(service.Id, TimeSpan.FromDays(2))).StartsAt));
        var turkish = Recipient();
        await host.Client.BookOkAsync(Requests.Booking(service.Id, (await host.FreeSlotAsync(service.Id, TimeSpan.FromDays(3))).StartsAt) with { Email = turkish });
        var kurdish = Recipient();
        await host.Client.BookOkAsync(Requests.Booking(service.Id, (await host.FreeSlotAsync(service.Id, TimeSpan.FromDays(4))).StartsAt) with { Email = kurdish, Language = "ku" });

        LanguageOf((await smtp.WaitForAsync(turkish)).Single()).Should().Be("tr", "the appointment's language is one messages are written in");
        LanguageOf((await smtp.WaitForAsync(kurdish)).Single()).Should().Be("de", "messages are not written in Kurdish");
        var queued = await host.RunScopedAsync<BookingsDbContext, int>(db => db.Set<OutgoingMail>().CountAsync(m => m.About == withoutAddress.AppointmentId, TestContext.Current.CancellationToken));
        queued.Should().Be(0);
    }

    [Fact]
    public async Task Moving_tells_the_new_time_and_the_old_one_and_the_reminder_follows_the_appointment_cancelling_withdraws_it()
    {
        var service = await host.CreateServiceAsync(office);
        var first = await host.FreeSlotAsync(service.Id, TimeSpan.FromDays(3));
        var email = Recipient();
        var confirmation = await host.Client.BookOkAsync(Requests.Booking(service.Id, first.StartsAt) with { Email = email, MessageLanguage = "en" });
        (await ReminderDueAsync(confirmation.AppointmentId)).Should().Equal([first.StartsAt.AddHours(-24)], "a reminder waits for the day before");

        var later = await host.FreeSlotFromAsync(service.Id, first.StartsAt.AddDays(1));
        using var moved = await host.Anonymous.PostAsync($"{confirmation.ManagementUrl}/reschedule", new RescheduleRequest(later.StartsAt));
        moved.StatusCode.Should().Be(HttpStatusCode.OK);

        var messages = await smtp.WaitForAsync(email, count: 2);
        messages[1].Subject.Should().StartWith("Your appointment has moved");
        messages[1].TextBody.Should().Contain("The old time (").And.Contain($"http://quartier.test/appointment/{confirmation.ManagementToken}");
        (await ReminderDueAsync(confirmation.AppointmentId)).Should().Equal([later.StartsAt.AddHours(-24)], "the reminder moved with the appointment");

        using var cancelled = await host.Anonymous.PostAsync($"{confirmation.ManagementUrl}/cancel");
        cancelled.StatusCode.Should().Be(HttpStatusCode.OK);
        messages = await smtp.WaitForAsync(email, count: 3);
        messages[2].Subject.Should().StartWith("Your appointment on").And.EndWith("is cancelled");
        messages[2].TextBody.Should().Contain("You cancelled your appointment.").And.Contain($"http://quartier.test/offices/{office}");
        (await ReminderDueAsync(confirmation.AppointmentId)).Should().BeEmpty("no reminder of a cancelled appointment");
    }

    [Fact]
    public async Task An_office_lead_sets_when_residents_are_reminded_and_reminders_already_waiting_follow()
    {
        var service = await host.CreateServiceAsync(office);
        var slot = await host.FreeSlotAsync(service.Id, TimeSpan.FromDays(4));
        var booked = await host.Client.BookOkAsync(Requests.Booking(service.Id, slot.StartsAt) with { Email = Recipient() });
        (await host.Client.GetOkAsync<ReminderSettings>($"/api/bookings/offices/{office}/reminders")).Should().Be(new ReminderSettings(office, 24, OfficeDefault: true));

        using var twoDays = await host.Client.PutAsJsonAsync($"/api/bookings/offices/{office}/reminders", new { hoursBefore = 48 }, Json.Options, TestContext.Current.CancellationToken);
        (await twoDays.ReadAsync<ReminderSettings>()).Should().Be(new ReminderSettings(office, 48, OfficeDefault: false));
        (await ReminderDueAsync(booked.AppointmentId)).Should().Equal([slot.StartsAt.AddHours(-48)], "the waiting reminder moved");

        using var never = await host.Client.PutAsJsonAsync($"/api/bookings/offices/{office}/reminders", new { hoursBefore = 0 }, Json.Options, TestContext.Current.CancellationToken);
        never.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ReminderDueAsync(booked.AppointmentId)).Should().BeEmpty("the office sends no reminders now");
        var later = await host.Client.BookOkAsync(Requests.Booking(service.Id, (await host.FreeSlotFromAsync(service.Id, slot.StartsAt.AddHours(1))).StartsAt) with { Email = Recipient() });
        (await ReminderDueAsync(later.AppointmentId)).Should().BeEmpty();

        using var tooEarly = await host.Client.PutAsJsonAsync($"/api/bookings/offices/{office}/reminders", new { hoursBefore = 24 * 8 }, Json.Options, TestContext.Current.CancellationToken);
        tooEarly.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var unknown = await host.Client.PutAsJsonAsync($"/api/bookings/offices/{Guid.NewGuid()}/reminders", new { hoursBefore = 24 }, Json.Options, TestContext.Current.CancellationToken);
        unknown.StatusCode.Should().BeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_reminder_goes_out_the_day_before_and_in_Leichte_Sprache_when_the_resident_read_the_pages_in_it()
    {
        var service = await host.CreateServiceAsync(office);
        var slot = await host.FreeSlotAsync(service.Id, TimeSpan.FromDays(2));
        var email = Recipient();
        await host.Client.BookOkAsync(Requests.Booking(service.Id, slot.StartsAt) with { Email = email, MessageLanguage = "de-x-ls" });
        (await smtp.WaitForAsync(email)).Should().ContainSingle("the reminder waits for its time");

        host.Clock.SetNow(slot.StartsAt.AddHours(-23));
        var messages = await smtp.WaitForAsync(email, count: 2);

        messages.Should().HaveCount(2);
        LanguageOf(messages[1]).Should().Be("de-x-ls");
        messages[1].Subject.Should().StartWith("Bitte denken Sie an Ihren Termin:");
        messages[1].TextBody.Should().Contain("http://quartier.test/appointment/");
    }

    [Fact]
    public async Task Staff_cancelling_and_the_office_closing_are_explained_to_the_resident()
    {
        var service = await host.CreateServiceAsync(office);
        var byStaff = Recipient();
        var first = await host.Client.BookOkAsync(Requests.Booking(service.Id, (await host.FreeSlotAsync(service.Id, TimeSpan.FromDays(2))).StartsAt) with { Email = byStaff, MessageLanguage = "de" });
        using var cancelled = await host.Client.PostAsync($"/api/bookings/appointments/{first.AppointmentId}/cancel");
        cancelled.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await smtp.WaitForAsync(byStaff, count: 2))[1].TextBody.Should().Contain("Das Büro hat Ihren Termin abgesagt.");

        var closing = await host.RegisterOfficeAsync("DE-TH", "Stadtteilbüro Nord");
        await host.OpenAlwaysAsync(closing, new DateOnly(2020, 1, 1));
        var closingService = await host.CreateServiceAsync(closing);
        var byClosure = Recipient();
        await host.Client.BookOkAsync(Requests.Booking(closingService.Id, (await host.FreeSlotAsync(closingService.Id, TimeSpan.FromDays(2))).StartsAt) with { Email = byClosure, MessageLanguage = "de" });
        await host.PublishAsync(new OfficeClosed(closing, host.Clock.GetUtcNow()));

        var told = (await smtp.WaitForAsync(byClosure, count: 2))[1];
        told.TextBody.Should().Contain("Das Büro ist geschlossen worden.").And.NotContain("http://quartier.test/offices/", "a closed office takes no new booking");
    }

    [Fact]
    public async Task A_callback_is_confirmed_with_its_window_and_its_cancellation_is_confirmed_too()
    {
        using var settings = await host.Client.PutAsJsonAsync($"/api/bookings/offices/{office}/callback-settings", new CallbackSettingsRequest(60, 2, 0, 14), Json.Options, TestContext.Current.CancellationToken);
        settings.EnsureSuccessStatusCode();
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime);
        var window = (await host.Client.GetOkAsync<List<CallbackWindow>>($"/api/bookings/offices/{office}/callback-windows?from={today.AddDays(1):yyyy-MM-dd}&to={today.AddDays(2):yyyy-MM-dd}"))[0];
        var email = Recipient();
        using var requested = await host.Client.PostAsync($"/api/bookings/offices/{office}/callbacks",
            new RequestCallbackRequest(window.StartsAt, "0160 1234567", "uk", null, null, new ConsentRequest("2026-12-appointments", DateTimeOffset.UtcNow.AddMinutes(-1)), email));
        var confirmation = await requested.ReadAsync<CallbackConfirmation>();

        var booked = (await smtp.WaitForAsync(email)).Single();
        LanguageOf(booked).Should().Be("uk");
        booked.TextBody.Should().Contain($"http://quartier.test/callback/{confirmation.ManagementToken}")
            .And.Contain($"{window.StartsAt:HH:mm}–{window.EndsAt:HH:mm}", "the window on the office's clock");

        using var cancelled = await host.Anonymous.PostAsync($"{confirmation.ManagementUrl}/cancel");
        cancelled.StatusCode.Should().Be(HttpStatusCode.OK);
        (await smtp.WaitForAsync(email, count: 2)).Should().HaveCount(2);
    }

    [Fact]
    public async Task An_SMTP_outage_of_30_seconds_during_200_bookings_delays_the_confirmations_and_loses_or_doubles_none()
    {
        var service = await host.CreateServiceAsync(office, capacity: 10);
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime);
        var slots = (await host.Client.SlotsAsync(service.Id, today.AddDays(2), today.AddDays(3))).Take(20).ToList();
        var batch = Guid.NewGuid().ToString("N")[..8];
        var started = DateTime.UtcNow;
        await smtp.StopAsync();

        var appointments = new List<Guid>();
        for (var i = 0; i < 200; i++)
        {
            var booked = await host.Client.BookOkAsync(Requests.Booking(service.Id, slots[i / 10].StartsAt) with { Email = $"outage-{batch}-{i}@example.org" });
            appointments.Add(booked.AppointmentId);
            if (i % 20 == 19)
            {
                await Task.Delay(TimeSpan.FromSeconds(30) / 10, TestContext.Current.CancellationToken);
            }
        }

        while (DateTime.UtcNow - started < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }

        smtp.Messages().Should().NotContain(m => m.To.Mailboxes.Any(to => to.Address.StartsWith($"outage-{batch}-", StringComparison.Ordinal)), "the server was down");
        await smtp.ResumeAsync(TestContext.Current.CancellationToken);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        List<MimeMessage> arrived;
        do
        {
            await Task.Delay(1000, TestContext.Current.CancellationToken);
            arrived = [.. smtp.Messages().Where(m => m.To.Mailboxes.Any(to => to.Address.StartsWith($"outage-{batch}-", StringComparison.Ordinal)))];
        }
        while (arrived.Count < 200 && DateTime.UtcNow < deadline);
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        arrived = [.. smtp.Messages().Where(m => m.To.Mailboxes.Any(to => to.Address.StartsWith($"outage-{batch}-", StringComparison.Ordinal)))];

        arrived.Should().HaveCount(200, "every confirmation arrives, none twice");
        arrived.Select(m => m.To.Mailboxes.Single().Address).Should().OnlyHaveUniqueItems();
        arrived.Select(m => m.MessageId).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Messages_that_keep_failing_are_set_aside_for_an_operator_who_sends_them_again()
    {
        await using var impatient = await BookingsHost.StartAsync(platform, new Dictionary<string, string>(smtp.Settings()) { ["Mail:Attempts"] = "2" });
        var closing = await impatient.RegisterOfficeAsync("DE-TH");
        await impatient.OpenAlwaysAsync(closing, new DateOnly(2020, 1, 1));
        var service = await impatient.CreateServiceAsync(closing);
        await smtp.StopAsync();
        var email = Recipient();
        var booked = await impatient.Client.BookOkAsync(Requests.Booking(service.Id, (await impatient.FreeSlotAsync(service.Id, TimeSpan.FromDays(3))).StartsAt) with { Email = email });

        var setAside = await WaitForStateAsync(impatient, booked.AppointmentId, MailState.SetAside);
        setAside.LastError.Should().NotBeNullOrEmpty().And.NotContain(email);
        setAside.Attempts.Should().Be(2);
        await smtp.ResumeAsync(TestContext.Current.CancellationToken);

        var listing = new StringWriter();
        var command = impatient.Services.GetRequiredService<IMailCommand>();
        (await command.RunAsync([], listing, TestContext.Current.CancellationToken)).Should().Be(0);
        listing.ToString().Should().Contain($"{setAside.Id} appointment-confirmed").And.NotContain(email);
        (await command.RunAsync(["retry", setAside.Id.ToString()], TextWriter.Null, TestContext.Current.CancellationToken)).Should().Be(0);

        (await smtp.WaitForAsync(email)).Should().ContainSingle();
        (await WaitForStateAsync(impatient, booked.AppointmentId, MailState.Sent)).Recipient.Should().BeNull();
    }

    private sealed record ReminderSettings(Guid OfficeId, int HoursBefore, bool OfficeDefault);

    private static string? LanguageOf(MimeMessage message) => message.Body?.Headers[HeaderId.ContentLanguage];

    [Fact]
    public async Task A_message_whose_sender_died_while_sending_is_set_aside_not_sent_again_and_what_remains_of_sent_ones_goes_after_30_days()
    {
        var service = await host.CreateServiceAsync(office);
        var email = Recipient();
        var booked = await host.Client.BookOkAsync(Requests.Booking(service.Id, (await host.FreeSlotAsync(service.Id, TimeSpan.FromHours(6))).StartsAt) with { Email = email });
        await smtp.WaitForAsync(email);

        // A sender claimed this one and stopped before it knew whether the server accepted it.
        var interrupted = Recipient();
        await host.RunScopedAsync<BookingsDbContext, int>(async db =>
        {
            host.Services.GetRequiredService<ResidentMail>().Add(db, interrupted, "appointment-confirmed", Guid.NewGuid(), new ResidentLetter("de", "Ihr Termin", "Guten Tag,", [], [], null, "Freundliche Grüße"));
            foreach (var queued in db.ChangeTracker.Entries<OutgoingMail>())
            {
                queued.Entity.State = MailState.Sending;
                queued.Entity.ClaimedUntil = host.Clock.GetUtcNow().AddMinutes(-1);
                queued.Entity.Attempts = 1;
            }

            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        var deadline = DateTime.UtcNow.AddSeconds(20);
        OutgoingMail? setAside;
        do
        {
            await Task.Delay(250, TestContext.Current.CancellationToken);
            setAside = await host.RunScopedAsync<BookingsDbContext, OutgoingMail?>(db => db.Set<OutgoingMail>().AsNoTracking()
                .SingleOrDefaultAsync(m => m.Recipient == interrupted && m.State == MailState.SetAside, TestContext.Current.CancellationToken));
        }
        while (setAside is null && DateTime.UtcNow < deadline);
        setAside.Should().NotBeNull("an interrupted send waits for an operator");
        setAside!.LastError.Should().Contain("may have accepted it");
        (await smtp.WaitForAsync(interrupted, timeout: TimeSpan.FromSeconds(3))).Should().BeEmpty("it is not sent again by itself");

        host.Clock.Advance(TimeSpan.FromDays(31));
        await host.RunScopedAsync<MailHousekeeping<BookingsDbContext>, string?>(job => job.RunOnceAsync(TestContext.Current.CancellationToken));
        var left = await host.RunScopedAsync<BookingsDbContext, int>(db => db.Set<OutgoingMail>()
            .CountAsync(m => m.About == booked.AppointmentId && m.Kind == "appointment-confirmed" || m.Recipient == interrupted, TestContext.Current.CancellationToken));
        left.Should().Be(0, "sent and set-aside messages are forgotten after the retention period");
    }

    private static string Recipient() => $"resident-{Guid.NewGuid():N}@example.org";

    private Task<List<DateTimeOffset>> ReminderDueAsync(Guid appointmentId) =>
        host.RunScopedAsync<BookingsDbContext, List<DateTimeOffset>>(db => db.Set<OutgoingMail>()
            .Where(m => m.About == appointmentId && m.Kind == "appointment-reminder" && m.State == MailState.Queued)
            .Select(m => m.DueAt).ToListAsync(TestContext.Current.CancellationToken));

    private static async Task<OutgoingMail> WaitForStateAsync(BookingsHost on, Guid appointmentId, MailState state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var mail = await on.RunScopedAsync<BookingsDbContext, OutgoingMail>(db => db.Set<OutgoingMail>().AsNoTracking()
                .SingleAsync(m => m.About == appointmentId && m.Kind == "appointment-confirmed", TestContext.Current.CancellationToken));
            if (mail.State == state || DateTime.UtcNow > deadline)
            {
                return mail;
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }
}
