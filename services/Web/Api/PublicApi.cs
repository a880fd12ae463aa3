using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Quartier.Contracts.Bookings;

namespace Quartier.Web.Api;

/// <summary>A service could not answer (down, overloaded, unreachable): the page says so and offers the office's phone.</summary>
public sealed class ServiceUnavailableException(string service, Exception? inner = null)
    : Exception($"The {service} service did not answer.", inner);

/// <summary>What sending a resident's form to a service came to, in the words the pages need.</summary>
public abstract record Submission<T>
{
    public sealed record Accepted(T Confirmation) : Submission<T>;

    /// <summary>The service refused fields (JSON names, camelCase) with its messages.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : Submission<T>;

    /// <summary>The time was taken meanwhile or is no longer bookable; the nearest free ones instead.</summary>
    public sealed record TimeGone(IReadOnlyList<FreeTime> Alternatives) : Submission<T>;
}

/// <summary>What cancelling by link came to.</summary>
public enum CancelOutcome
{
    Cancelled,
    TooLate,
    AlreadyChanged,
    NotFound,
}

/// <summary>
/// The public (anonymous) endpoints of offices and bookings, by service name through service discovery
/// and the standard resilience handler. Nothing here is cached: hours and slots change by the minute.
/// </summary>
public sealed class PublicApi(IHttpClientFactory clients)
{
    public const string Offices = "offices";
    public const string Bookings = "bookings";
    public const string Engagement = "engagement";

    /// <summary>Where the secret links of appointments and callbacks open them (also through the gateway, for the calendar file).</summary>
    public const string AppointmentLink = "/api/bookings/appointments/manage";
    public const string CallbackLink = "/api/bookings/callbacks/manage";
    public const string RegistrationLink = "/api/engagement/registrations/manage";
    public const string VolunteerLink = "/api/engagement/volunteers/manage";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public async Task<OfficeList> SearchOfficesAsync(string? text, string? language, string? fieldOfAction, CancellationToken cancellationToken) =>
        await GetOrNullAsync<OfficeList>(Offices, $"/api/offices?pageSize=100{Query("q", text)}{Query("language", language)}{Query("fieldOfAction", fieldOfAction)}", cancellationToken) ?? new OfficeList([], 0);

    /// <summary>The consent text residents agree to now for <paramref name="purpose"/>, in the page's language where it was published in it.</summary>
    public async Task<ConsentText> ConsentTextAsync(ConsentPurpose purpose, CancellationToken cancellationToken) =>
        await GetOrNullAsync<ConsentText>(purpose.Service, $"/api/{purpose.Service}/consent-texts/{purpose.Name}?language={Uri.EscapeDataString(Languages.Current.Culture)}", cancellationToken)
            ?? throw new ServiceUnavailableException(purpose.Service);

    public Task<Office?> OfficeAsync(Guid officeId, CancellationToken cancellationToken) =>
        GetOrNullAsync<Office>(Offices, $"/api/offices/{officeId}", cancellationToken);

    public Task<BookableOffice?> BookableOfficeAsync(Guid officeId, CancellationToken cancellationToken) =>
        GetOrNullAsync<BookableOffice>(Bookings, $"/api/bookings/offices/{officeId}", cancellationToken);

    public Task<OpenNow?> OpenNowAsync(Guid officeId, CancellationToken cancellationToken) =>
        GetOrNullAsync<OpenNow>(Bookings, $"/api/bookings/offices/{officeId}/open-now", cancellationToken);

    /// <summary>The offices open at this moment, each until when.</summary>
    public async Task<IReadOnlyList<OpenOffice>> OpenOfficesAsync(CancellationToken cancellationToken) =>
        await GetOrNullAsync<List<OpenOffice>>(Bookings, "/api/bookings/offices/open-now", cancellationToken) ?? [];

    public async Task<IReadOnlyList<OpeningDay>> OpeningDaysAsync(Guid officeId, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        await GetOrNullAsync<List<OpeningDay>>(Bookings, $"/api/bookings/offices/{officeId}/opening-hours/effective?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}", cancellationToken) ?? [];

    public async Task<IReadOnlyList<BookableService>> ServicesAsync(Guid officeId, CancellationToken cancellationToken) =>
        (await GetOrNullAsync<List<BookableService>>(Bookings, $"/api/bookings/offices/{officeId}/services", cancellationToken) ?? []).Where(s => s.Active).ToList();

    public Task<BookableService?> ServiceAsync(Guid serviceId, CancellationToken cancellationToken) =>
        GetOrNullAsync<BookableService>(Bookings, $"/api/bookings/services/{serviceId}", cancellationToken);

    public async Task<IReadOnlyList<FreeTime>> SlotsAsync(Guid serviceId, AppointmentChannel channel, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        await GetOrNullAsync<List<FreeTime>>(Bookings, $"/api/bookings/services/{serviceId}/slots?channel={channel}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}", cancellationToken) ?? [];

    public Task<Appointment?> AppointmentAsync(string token, CancellationToken cancellationToken) =>
        GetOrNullAsync<Appointment>(Bookings, $"{AppointmentLink}/{Uri.EscapeDataString(token)}", cancellationToken);

    public Task<Callback?> CallbackAsync(string token, CancellationToken cancellationToken) =>
        GetOrNullAsync<Callback>(Bookings, $"{CallbackLink}/{Uri.EscapeDataString(token)}", cancellationToken);

    public async Task<IReadOnlyList<FreeTime>> CallbackWindowsAsync(Guid officeId, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        await GetOrNullAsync<List<FreeTime>>(Bookings, $"/api/bookings/offices/{officeId}/callback-windows?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}", cancellationToken) ?? [];

    /// <summary>Books once per <paramref name="idempotencyKey"/>: a second submit of the same form answers the first booking.</summary>
    public Task<Submission<Confirmation>> BookAsync(AppointmentRequest request, string idempotencyKey, CancellationToken cancellationToken) =>
        SubmitAsync<Confirmation>(Bookings, "/api/bookings/appointments", request, idempotencyKey, cancellationToken);

    public Task<Submission<Confirmation>> RequestCallbackAsync(Guid officeId, CallbackRequest request, string idempotencyKey, CancellationToken cancellationToken) =>
        SubmitAsync<Confirmation>(Bookings, $"/api/bookings/offices/{officeId}/callbacks", request, idempotencyKey, cancellationToken);

    public Task<Submission<Confirmation>> RegisterAsync(Guid eventId, EventRegistrationRequest request, string idempotencyKey, CancellationToken cancellationToken) =>
        SubmitAsync<Confirmation>(Engagement, $"/api/engagement/events/{eventId}/registrations", request, idempotencyKey, cancellationToken);

    public Task<Submission<SignedUpVolunteer>> SignUpVolunteerAsync(Guid officeId, VolunteerSignUpRequest request, string idempotencyKey, CancellationToken cancellationToken) =>
        SubmitAsync<SignedUpVolunteer>(Engagement, $"/api/engagement/offices/{officeId}/volunteers", request, idempotencyKey, cancellationToken);

    /// <summary>Sends a barrier met on the pages to the office chosen, by e-mail.</summary>
    public Task<Submission<BarrierReportReceived>> ReportBarrierAsync(Guid officeId, BarrierReport report, CancellationToken cancellationToken) =>
        SubmitAsync<BarrierReportReceived>(Offices, $"/api/offices/{officeId}/accessibility-feedback", report, null, cancellationToken);

    /// <summary>Moves the appointment behind the link to another free time of its service and channel.</summary>
    public Task<Submission<Appointment>> MoveAppointmentAsync(string token, DateTimeOffset startsAt, CancellationToken cancellationToken) =>
        SubmitAsync<Appointment>(Bookings, $"{AppointmentLink}/{Uri.EscapeDataString(token)}/reschedule", new { startsAt }, null, cancellationToken);

    public Task<CancelOutcome> CancelAppointmentAsync(string token, CancellationToken cancellationToken) =>
        CancelAsync(Bookings, HttpMethod.Post, $"{AppointmentLink}/{Uri.EscapeDataString(token)}/cancel", cancellationToken);

    public Task<CancelOutcome> CancelCallbackAsync(string token, CancellationToken cancellationToken) =>
        CancelAsync(Bookings, HttpMethod.Post, $"{CallbackLink}/{Uri.EscapeDataString(token)}/cancel", cancellationToken);

    public Task<CancelOutcome> CancelRegistrationAsync(string token, CancellationToken cancellationToken) =>
        CancelAsync(Engagement, HttpMethod.Post, $"{RegistrationLink}/{Uri.EscapeDataString(token)}/cancel", cancellationToken);

    public async Task<IReadOnlyList<CommunityEvent>> EventsAsync(Guid? officeId, CancellationToken cancellationToken) =>
        await GetOrNullAsync<List<CommunityEvent>>(Engagement, $"/api/engagement/events{(officeId is { } office ? $"?officeId={office}" : string.Empty)}", cancellationToken) ?? [];

    public Task<CommunityEvent?> EventAsync(Guid eventId, CancellationToken cancellationToken) =>
        GetOrNullAsync<CommunityEvent>(Engagement, $"/api/engagement/events/{eventId}", cancellationToken);

    public Task<EventRegistration?> RegistrationAsync(string token, CancellationToken cancellationToken) =>
        GetOrNullAsync<EventRegistration>(Engagement, $"{RegistrationLink}/{Uri.EscapeDataString(token)}", cancellationToken);

    /// <summary>Everything stored about the booking behind the link, as its service writes it; null for a link that opens nothing.</summary>
    public Task<JsonObject?> PersonalDataAsync(OwnData kind, string token, CancellationToken cancellationToken) =>
        GetOrNullAsync<JsonObject>(kind.Service, $"{kind.ApiLink}/{Uri.EscapeDataString(token)}/personal-data", cancellationToken);

    /// <summary>Erases the resident's personal data behind the link: what remains (anonymous), or null for a link that opens nothing.</summary>
    public async Task<IReadOnlyList<string>?> ErasePersonalDataAsync(OwnData kind, string token, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(kind.Service, new HttpRequestMessage(HttpMethod.Delete, $"{kind.ApiLink}/{Uri.EscapeDataString(token)}/personal-data"), cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => (await response.Content.ReadFromJsonAsync<PersonalDataErased>(Json, cancellationToken))!.Remains,
            HttpStatusCode.NotFound => null,
            _ => throw new ServiceUnavailableException(kind.Service),
        };
    }

    private async Task<Submission<T>> SubmitAsync<T>(string service, string path, object request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        using var response = await SendOnceAsync(service, path, request, idempotencyKey, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return new Submission<T>.Accepted((await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken))!);
        }

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        if (response.StatusCode == HttpStatusCode.BadRequest && problem.TryGetProperty("errors", out var errors))
        {
            return new Submission<T>.Invalid(errors.Deserialize<Dictionary<string, string[]>>(Json)!);
        }

        if (response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity)
        {
            var alternatives = problem.TryGetProperty("alternatives", out var found) ? found.Deserialize<List<FreeTime>>(Json)! : [];
            return new Submission<T>.TimeGone(alternatives);
        }

        throw new ServiceUnavailableException(service);
    }

    /// <summary>
    /// Sends the form's request; while the same form's earlier submit is still being processed (a
    /// double click: 409 with Retry-After), waits and asks again, so the resident gets that submit's answer.
    /// </summary>
    private async Task<HttpResponseMessage> SendOnceAsync(string service, string path, object request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(request, options: Json) };
            if (idempotencyKey is not null)
            {
                message.Headers.Add("Idempotency-Key", idempotencyKey);
            }

            var response = await SendAsync(service, message, cancellationToken);
            if (response.StatusCode != HttpStatusCode.Conflict || response.Headers.RetryAfter?.Delta is not { } wait || attempt == 5)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(wait < TimeSpan.FromSeconds(2) ? wait : TimeSpan.FromSeconds(2), cancellationToken);
        }
    }

    private async Task<CancelOutcome> CancelAsync(string service, HttpMethod method, string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(service, new HttpRequestMessage(method, path), cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => CancelOutcome.Cancelled,
            HttpStatusCode.UnprocessableEntity => CancelOutcome.TooLate,
            HttpStatusCode.Conflict => CancelOutcome.AlreadyChanged,
            HttpStatusCode.NotFound => CancelOutcome.NotFound,
            _ => throw new ServiceUnavailableException(service),
        };
    }

    private async Task<T?> GetOrNullAsync<T>(string service, string path, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await SendAsync(service, new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest)
        {
            return null;
        }

        return response.IsSuccessStatusCode
            ? await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
            : throw new ServiceUnavailableException(service);
    }

    private Task<HttpResponseMessage> SendAsync(string service, HttpRequestMessage message, CancellationToken cancellationToken) =>
        ServiceCalls.SendAsync(clients, service, message, cancellationToken);

    private static string Query(string name, string? value) =>
        string.IsNullOrWhiteSpace(value) ? string.Empty : $"&{name}={Uri.EscapeDataString(value.Trim())}";
}
