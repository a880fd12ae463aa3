using System.Net;
using Microsoft.EntityFrameworkCore;
using Quartier.Bookings.Data;
using Quartier.Contracts.Bookings;
using Quartier.ServiceDefaults.Messaging.Outbox;
using Quartier.Bookings.Tests.Support;
using Quartier.Testing;

namespace Quartier.Bookings.Tests;

/// <summary>Two instances of the service on one database: the database alone keeps the capacity.</summary>
public sealed class DoubleBookingRaceTests(PlatformInfrastructure platform) : IAsyncLifetime
{
    private const int Capacity = 3;
    private const int Contenders = 24;

    private BookingsHost first = null!;
    private BookingsHost second = null!;

    public async ValueTask InitializeAsync()
    {
        first = await BookingsHost.StartAsync(platform);
        second = first.StartSecondInstance();
    }

    public async ValueTask DisposeAsync()
    {
        await second.DisposeAsync();
        await first.DisposeAsync();
    }

    [Fact]
    public async Task Of_many_parallel_requests_for_one_slot_exactly_capacity_succeed_and_the_rest_get_409_with_alternatives()
    {
        var office = await first.RegisterOfficeAsync("DE-NI");
        await first.OpenAlwaysAsync(office, new DateOnly(2020, 1, 1));
        var service = await first.CreateServiceAsync(office, durationMinutes: 30, capacity: Capacity, bufferAfterMinutes: 10);
        var slot = await first.FreeSlotAsync(service.Id, TimeSpan.FromHours(3));
        var request = Requests.Booking(service.Id, slot.StartsAt);
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var contenders = Enumerable.Range(0, Contenders).Select(async i =>
        {
            await go.Task;
            using var response = await (i % 2 == 0 ? first : second).Client.BookAsync(request with { Name = $"Resident {i}" });
            return (response.StatusCode, Problem: response.StatusCode == HttpStatusCode.Conflict ? await response.ReadAsync<ProblemWithAlternatives>() : null);
        }).ToList();
        go.SetResult();
        var results = await Task.WhenAll(contenders);

        results.Count(a => a.StatusCode == HttpStatusCode.Created).Should().Be(Capacity);
        results.Count(a => a.StatusCode == HttpStatusCode.Conflict).Should().Be(Contenders - Capacity);
        results.Where(a => a.Problem is not null).Should().OnlyContain(a => a.Problem!.Alternatives!.Count > 0 && a.Problem.Alternatives.All(s => s.StartsAt != slot.StartsAt));

        var day = await second.Client.GetOkAsync<List<Appointments.StaffAppointmentView>>($"/api/bookings/offices/{office}/appointments?date={slot.StartsAt:yyyy-MM-dd}");
        day.Where(a => a.StartsAt == slot.StartsAt).Select(a => a.Seat).Should().BeEquivalentTo([1, 2, 3]);
        var after = await first.Client.SlotsAsync(service.Id, DateOnly.FromDateTime(slot.StartsAt.Date), DateOnly.FromDateTime(slot.StartsAt.Date));
        after.Should().NotContain(s => s.StartsAt == slot.StartsAt);

        // A lost race leaves no event behind: one AppointmentBooked per appointment.
        var bookedType = OutboxMessage.TypeName(typeof(AppointmentBooked));
        var serviceId = service.Id.ToString();
        var announced = await first.RunScopedAsync<BookingsDbContext, int>(db => db.Database
            .SqlQuery<int>($"""SELECT count(*)::int AS "Value" FROM "OutboxMessages" WHERE "MessageType" = {bookedType} AND "Body" ->> 'serviceId' = {serviceId}""")
            .SingleAsync(TestContext.Current.CancellationToken));
        announced.Should().Be(Capacity);
    }

    [Fact]
    public async Task Moving_appointments_into_a_full_slot_from_both_instances_never_overbooks()
    {
        var office = await first.RegisterOfficeAsync("DE-NI");
        await first.OpenAlwaysAsync(office, new DateOnly(2020, 1, 1));
        var service = await first.CreateServiceAsync(office, durationMinutes: 20, capacity: 1);
        var slots = (await first.Client.SlotsAsync(service.Id, DateOnly.FromDateTime(first.Clock.GetUtcNow().UtcDateTime), DateOnly.FromDateTime(first.Clock.GetUtcNow().UtcDateTime).AddDays(3)))
            .Where(s => s.StartsAt > first.Clock.GetUtcNow().AddHours(3)).Take(7).ToList();
        var target = slots[0].StartsAt;
        var links = new List<string>();
        foreach (var slot in slots.Skip(1))
        {
            links.Add((await first.Client.BookOkAsync(Requests.Booking(service.Id, slot.StartsAt))).ManagementUrl);
        }

        var answers = await Task.WhenAll(links.Select((link, i) => Task.Run(async () =>
        {
            using var response = await (i % 2 == 0 ? first : second).Client.PostAsync($"{link}/reschedule", new Appointments.RescheduleRequest(target));
            return response.StatusCode;
        })));

        answers.Count(s => s == HttpStatusCode.OK).Should().Be(1);
        answers.Count(s => s == HttpStatusCode.Conflict).Should().Be(links.Count - 1);
    }
}
