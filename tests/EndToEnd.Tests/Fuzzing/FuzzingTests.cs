using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using FluentAssertions;

namespace Quartier.EndToEnd.Tests.Fuzzing;

/// <summary>
/// The fuzzing gate: malformed requests generated from every service's OpenAPI document, through the
/// gateway to the whole platform, never answered with a 5xx or a bare error, while residents' valid
/// requests in between keep working. <c>tests/fuzz.sh</c> runs it with as many requests as asked.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class FuzzingTests(PlatformFixture platform) : IDisposable
{
    /// <summary>The run in the test command; <c>FUZZ_REQUESTS</c> asks for more.</summary>
    private const int DefaultRequests = 2_000;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Malformed_requests_to_every_endpoint_get_problem_details_and_never_a_server_error_while_valid_requests_still_succeed()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_REQUESTS"), CultureInfo.InvariantCulture, out var asked) ? asked : DefaultRequests;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), CultureInfo.InvariantCulture, out var given) ? given : Random.Shared.Next();

        // The office the malformed requests aim at, and one they never learn of, where residents keep booking.
        var target = await BookableOffice.CreateAsync(platform, "Stadtteilbüro Zielscheibe");
        var control = await BookableOffice.CreateAsync(platform, "Stadtteilbüro Kontrolle");
        var resident = new Resident(platform.Client, control);
        var targetResident = new Resident(platform.Client, target);
        var targetLink = await targetResident.BookAsync(await targetResident.FreeSlotsAsync());
        targetLink.Should().NotBeNull();

        var operations = await ApiOperation.LoadAsync(platform.Client, PlatformFixture.ServiceNames, Cancellation);
        operations.Should().HaveCountGreaterThan(50, "every service publishes its operations");
        var random = new Random(seed);
        using var fuzzer = new ApiFuzzer(platform.Gateway.BaseAddress, FreshTokenAsync, new MalformedRequests(random, new FuzzTargets(target.OfficeId, target.ServiceId, targetLink!.Split('/')[^1])), random);
        var slots = await resident.FreeSlotsAsync();
        await fuzzer.RunAsync(operations, count, check => resident.StillServedAsync(check, slots), Cancellation);

        var report = fuzzer.Report(count);
        TestContext.Current.TestOutputHelper?.WriteLine($"seed {seed} (FUZZ_SEED={seed} repeats this run), {operations.Count} operations\n{report}");
        fuzzer.Findings.Should().BeEmpty(report);
    }

    private readonly SemaphoreSlim refreshing = new(1, 1);
    private DateTime refreshedAt = DateTime.UtcNow;

    /// <summary>The administrator's token, refreshed well before its ten minutes run out in a long run.</summary>
    private async Task<string> FreshTokenAsync()
    {
        if (DateTime.UtcNow - refreshedAt > TimeSpan.FromMinutes(4))
        {
            await refreshing.WaitAsync(Cancellation);
            try
            {
                if (DateTime.UtcNow - refreshedAt > TimeSpan.FromMinutes(4))
                {
                    await platform.Administrator.RefreshAsync();
                    refreshedAt = DateTime.UtcNow;
                }
            }
            finally
            {
                refreshing.Release();
            }
        }

        return platform.Administrator.AccessToken;
    }

    public void Dispose() => refreshing.Dispose();

    /// <summary>A resident of the control office: reads its pages and books and cancels an appointment.</summary>
    private sealed class Resident(HttpClient client, BookableOffice office)
    {
        /// <summary>Free times from the day after tomorrow on: far enough ahead that cancelling by link is still allowed.</summary>
        public async Task<IReadOnlyList<DateTimeOffset>> FreeSlotsAsync()
        {
            var slots = (await client.GetFromJsonAsync<List<SlotView>>($"/api/bookings/services/{office.ServiceId}/slots?channel=Phone&from={Today.AddDays(2):yyyy-MM-dd}&to={Today.AddDays(8):yyyy-MM-dd}", Cancellation))!;
            return slots.Where(slot => slot.FreeSeats > 0).Select(slot => slot.StartsAt).ToList();
        }

        /// <summary>The management link, or null when the booking failed.</summary>
        public async Task<string?> BookAsync(IReadOnlyList<DateTimeOffset> slots, int index = 0)
        {
            using var booking = await client.PostAsJsonAsync("/api/bookings/appointments", new
            {
                serviceId = office.ServiceId,
                startsAt = slots[index % slots.Count],
                channel = "Phone",
                name = "Amira Sayed",
                phone = "+49 3605 555177",
                language = "ar",
                topic = "Wohngeld",
                consent = new { textVersion = "2026-12-appointments", givenAt = DateTimeOffset.UtcNow },
            }, Cancellation);
            return booking.StatusCode == HttpStatusCode.Created
                ? (await booking.Content.ReadFromJsonAsync<ConfirmationView>(Cancellation))!.ManagementUrl
                : null;
        }

        /// <summary>One of the things a resident does, in turn; a description of what went wrong, or null.</summary>
        public async Task<string?> StillServedAsync(int check, IReadOnlyList<DateTimeOffset> slots)
        {
            if (check % 5 == 0)
            {
                var link = await BookAsync(slots, check);
                if (link is null)
                {
                    return $"booking at {slots[check % slots.Count]:O} in the control office was refused";
                }

                using var cancel = await client.PostAsync(new Uri($"{link}/cancel", UriKind.Relative), null, Cancellation);
                return cancel.IsSuccessStatusCode ? null : $"cancelling by link answered {(int)cancel.StatusCode}";
            }

            var path = (check % 5) switch
            {
                1 => $"/api/offices/{office.OfficeId}",
                2 => $"/api/bookings/offices/{office.OfficeId}/opening-hours/effective?from={Today:yyyy-MM-dd}&to={Today.AddDays(13):yyyy-MM-dd}",
                3 => "/api/engagement/events",
                _ => $"/api/bookings/offices/{office.OfficeId}/appointments?date={Today.AddDays(1):yyyy-MM-dd}",
            };
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);
            return response.IsSuccessStatusCode ? null : $"GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancellation)}";
        }
    }

    private sealed record SlotView(DateTimeOffset StartsAt, int FreeSeats);

    private sealed record ConfirmationView(string ManagementUrl);
}
