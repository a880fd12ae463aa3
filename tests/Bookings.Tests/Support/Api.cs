using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Quartier.Bookings.Appointments;
using Quartier.Bookings.Slots;
using Quartier.Contracts.Bookings;

namespace Quartier.Bookings.Tests.Support;

/// <summary>The calls a resident's or a staff member's client makes, as small helpers.</summary>
public static class Api
{
    public static async Task<List<SlotResponse>> SlotsAsync(this HttpClient client, Guid serviceId, DateOnly from, DateOnly to, AppointmentChannel channel = AppointmentChannel.InPerson)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri($"/api/bookings/services/{serviceId}/slots?channel={channel}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}", UriKind.Relative), TestContext.Current.CancellationToken);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await response.Content.ReadFromJsonAsync<List<SlotResponse>>(Json.Options, TestContext.Current.CancellationToken))!;
    }

    /// <summary>The first free slot starting at least <paramref name="after"/> from now.</summary>
    public static Task<SlotResponse> FreeSlotAsync(this BookingsHost host, Guid serviceId, TimeSpan after)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.FreeSlotFromAsync(serviceId, host.Clock.GetUtcNow() + after);
    }

    /// <summary>
    /// The first free slot starting at or after <paramref name="notBefore"/>, within the week from that
    /// day; a fixed distance from another slot may be past closing time or on a holiday.
    /// </summary>
    public static async Task<SlotResponse> FreeSlotFromAsync(this BookingsHost host, Guid serviceId, DateTimeOffset notBefore)
    {
        ArgumentNullException.ThrowIfNull(host);
        var day = DateOnly.FromDateTime(notBefore.UtcDateTime);
        var slots = await host.Client.SlotsAsync(serviceId, day, day.AddDays(6));
        return slots.First(s => s.StartsAt >= notBefore);
    }

    public static async Task<HttpResponseMessage> BookAsync(this HttpClient client, BookAppointmentRequest request, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/bookings/appointments") { Content = JsonContent.Create(request, options: Json.Options) };
        if (idempotencyKey is not null)
        {
            message.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(message, TestContext.Current.CancellationToken);
    }

    public static async Task<BookingConfirmation> BookOkAsync(this HttpClient client, BookAppointmentRequest request)
    {
        using var response = await client.BookAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await response.Content.ReadFromJsonAsync<BookingConfirmation>(Json.Options, TestContext.Current.CancellationToken))!;
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return (await response.Content.ReadFromJsonAsync<T>(Json.Options, TestContext.Current.CancellationToken))!;
    }

    public static async Task<T> GetOkAsync<T>(this HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return await response.ReadAsync<T>();
    }

    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, string path, object? body = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        return await client.PostAsJsonAsync(path, body ?? new { }, Json.Options, TestContext.Current.CancellationToken);
    }

    /// <summary>The names of the fields a 400 problem complains about.</summary>
    public static async Task<IReadOnlyCollection<string>> ProblemFieldsAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return document.RootElement.TryGetProperty("errors", out var errors) ? [.. errors.EnumerateObject().Select(e => e.Name)] : [];
    }
}

public sealed record ProblemWithAlternatives(int Status, string Title, List<SlotResponse>? Alternatives);
