using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartier.Bookings.Appointments;
using Quartier.Bookings.Callbacks;
using Quartier.Bookings.Data;
using Quartier.Bookings.Privacy;
using Quartier.Bookings.Tests.Support;
using Quartier.ServiceDefaults.Mail;
using Quartier.ServiceDefaults.Privacy;
using Quartier.Testing;

namespace Quartier.Bookings.Tests;

/// <summary>A resident's own data by the management link: their copy of everything stored, and erasure at once.</summary>
public sealed class ResidentsOwnDataTests(PlatformInfrastructure platform) : IAsyncLifetime
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private BookingsHost host = null!;
    private Guid office;

    public async ValueTask InitializeAsync()
    {
        host = await BookingsHost.StartAsync(platform);
        office = await host.RegisterOfficeAsync("DE-TH");
        await host.OpenAlwaysAsync(office, new DateOnly(2020, 1, 1));
    }

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task The_copy_holds_every_stored_field_of_that_appointment_and_its_messages_and_nothing_of_anyone_elses()
    {
        var service = await host.CreateServiceAsync(office, horizonDays: 30);
        var slot = await host.FreeSlotAsync(service.Id, TimeSpan.FromDays(3));
        var mine = await host.Anonymous.BookOkAsync(Requests.Booking(service.Id, slot.StartsAt) with { Email = "amina.yilmaz@example.org", MessageLanguage = "tr" });
        var other = await host.FreeSlotFromAsync(service.Id, slot.EndsAt);
        await host.Anonymous.BookOkAsync(Requests.Booking(service.Id, other.StartsAt) with { Name = "Pavlo Hrytsenko", Phone = "+49 3605 999888", Email = "pavlo@example.org", Topic = "Kita-Platz" });

        using var response = await host.Anonymous.GetAsync(new Uri($"{mine.ManagementUrl}/personal-data", UriKind.Relative), Cancellation);
        var text = await response.Content.ReadAsStringAsync(Cancellation);
        var copy = System.Text.Json.JsonSerializer.Deserialize<AppointmentData>(text, Json.Options)!;

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        copy.AppointmentId.Should().Be(mine.AppointmentId);
        copy.Office.Should().Be("Stadtteilbüro Südstadt");
        copy.StartsAt.Should().Be(slot.StartsAt);
        copy.Resident.Should().BeEquivalentTo(new ResidentData("Amina Yilmaz", "+493605123456", "amina.yilmaz@example.org", "Nebenkostenabrechnung", "2026-12-appointments", "de", copy.Resident!.ConsentGivenAt));
        copy.Language.Should().Be("tr");
        copy.InterpreterNeeded.Should().BeTrue();
        copy.MessageLanguage.Should().Be("tr");
        copy.Status.Should().Be(AppointmentStatus.Booked);
        copy.Messages.Select(message => message.Kind).Should().BeEquivalentTo(["appointment-confirmed", "appointment-reminder"]);
        copy.Messages.Should().OnlyContain(message => message.Recipient == "amina.yilmaz@example.org");
        text.Should().NotContain("Pavlo").And.NotContain("999888").And.NotContain("pavlo@").And.NotContain("Kita-Platz");
    }

    [Fact]
    public async Task Erasing_removes_name_contact_topic_and_kept_messages_keeps_the_anonymous_booking_and_the_link_opens_nothing_after()
    {
        var service = await host.CreateServiceAsync(office, horizonDays: 30);
        var slot = await host.FreeSlotAsync(service.Id, TimeSpan.FromDays(3));
        var mine = await host.Anonymous.BookOkAsync(Requests.Booking(service.Id, slot.StartsAt) with { Email = "erase.me@example.org" });
        var database = await host.RunScopedAsync<BookingsDbContext, string>(db => Task.FromResult(db.Database.GetConnectionString()!));
        (await DatabaseText.RowsContainingAsync(database, ["erase.me@example.org"], Cancellation)).Should().NotBeEmpty("the search finds what is stored");

        using var erased = await host.Anonymous.DeleteAsync(new Uri($"{mine.ManagementUrl}/personal-data", UriKind.Relative), Cancellation);
        using var again = await host.Anonymous.DeleteAsync(new Uri($"{mine.ManagementUrl}/personal-data", UriKind.Relative), Cancellation);

        erased.StatusCode.Should().Be(HttpStatusCode.OK);
        var answer = (await erased.Content.ReadFromJsonAsync<PersonalDataErased>(Json.Options, Cancellation))!;
        answer.Remains.Should().Contain("time").And.NotContain("name");
        again.StatusCode.Should().Be(HttpStatusCode.OK, "erasing again answers the same");
        (await again.Content.ReadFromJsonAsync<PersonalDataErased>(Json.Options, Cancellation)).Should().BeEquivalentTo(answer);
        foreach (var path in new[] { mine.ManagementUrl, $"{mine.ManagementUrl}/personal-data", $"{mine.ManagementUrl}/calendar.ics" })
        {
            using var opened = await host.Anonymous.GetAsync(new Uri(path, UriKind.Relative), Cancellation);
            opened.StatusCode.Should().Be(HttpStatusCode.NotFound, $"{path} opens nothing once erased");
        }

        using var cancel = await host.Anonymous.PostAsync($"{mine.ManagementUrl}/cancel");
        cancel.StatusCode.Should().Be(HttpStatusCode.NotFound);

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BookingsDbContext>();
        var stored = await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == mine.AppointmentId, Cancellation);
        stored.Resident.Should().BeNull();
        stored.Status.Should().Be(AppointmentStatus.Booked, "the booking and the office's figures stay, as after the retention period");
        (await db.Set<OutgoingMail>().AnyAsync(mail => mail.About == mine.AppointmentId && (mail.Recipient != null || mail.Content != null), Cancellation))
            .Should().BeFalse("no message about it keeps the address or the text");
        (await DatabaseText.RowsContainingAsync(db.Database.GetConnectionString()!, ["Amina Yilmaz", "+493605123456", "erase.me@example.org", "Nebenkostenabrechnung"], Cancellation))
            .Should().BeEmpty("nothing the resident gave is left in any table");
        (await host.Anonymous.SlotsAsync(service.Id, DateOnly.FromDateTime(slot.StartsAt.UtcDateTime), DateOnly.FromDateTime(slot.StartsAt.UtcDateTime)))
            .Should().NotContain(free => free.StartsAt == slot.StartsAt, "the time stays booked");

        using var unknown = await host.Anonymous.DeleteAsync(new Uri($"{AppointmentEndpoints.ManagePath}/{ManagementToken.Create()}/personal-data", UriKind.Relative), Cancellation);
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_callback_request_is_copied_and_erased_by_its_link_and_an_open_one_leaves_the_office_queue()
    {
        using var settings = await host.Client.PutAsJsonAsync($"/api/bookings/offices/{office}/callback-settings", new CallbackSettingsRequest(60, 2, 0, 14), Json.Options, Cancellation);
        var from = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1));
        var windows = await host.Anonymous.GetOkAsync<List<CallbackWindow>>($"/api/bookings/offices/{office}/callback-windows?from={from:yyyy-MM-dd}&to={from.AddDays(2):yyyy-MM-dd}");
        using var requested = await host.Anonymous.PostAsync($"/api/bookings/offices/{office}/callbacks",
            new RequestCallbackRequest(windows[0].StartsAt, "0160 7654321", "uk", "Jobcenter-Brief", null, new ConsentRequest("2026-12-appointments", DateTimeOffset.UtcNow, "uk"), "olena@example.org", "uk"));
        var callback = await requested.ReadAsync<CallbackConfirmation>();

        var copy = await host.Anonymous.GetOkAsync<CallbackData>($"{callback.ManagementUrl}/personal-data");
        copy.Contact.Should().BeEquivalentTo(new { Phone = "+491607654321", Email = "olena@example.org", Topic = "Jobcenter-Brief", ConsentTextVersion = "2026-12-appointments", ConsentLanguage = "uk" });
        copy.Messages.Should().ContainSingle(message => message.Kind == "callback-booked" && message.Recipient == "olena@example.org");

        using var erased = await host.Anonymous.DeleteAsync(new Uri($"{callback.ManagementUrl}/personal-data", UriKind.Relative), Cancellation);

        erased.StatusCode.Should().Be(HttpStatusCode.OK);
        using var opened = await host.Anonymous.GetAsync(new Uri(callback.ManagementUrl, UriKind.Relative), Cancellation);
        opened.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var queue = await host.Client.GetOkAsync<List<CallbackView>>($"/api/bookings/offices/{office}/callbacks/queue");
        queue.Should().NotContain(view => view.CallbackId == callback.CallbackId, "no one could call back without the number");
        await using var scope = host.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<BookingsDbContext>().CallbackRequests.AsNoTracking().SingleAsync(c => c.Id == callback.CallbackId, Cancellation);
        stored.Contact.Should().BeNull();
        stored.Status.Should().Be(CallbackStatus.Cancelled);
    }
}
