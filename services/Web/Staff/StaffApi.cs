using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Quartier.Contracts.Bookings;
using Quartier.Web.Api;

namespace Quartier.Web.Staff;

// What the console reads from the staff endpoints: only the fields it shows.

public sealed record StaffAppointment(
    Guid AppointmentId, Guid ServiceId, AppointmentChannel Channel, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    AppointmentStatus Status, string Language, bool InterpreterNeeded, string? Name, string? Phone, string? Email, string? Topic,
    string? OutcomeFieldOfAction, bool? ReferredToOtherOrganisation, DateTimeOffset? CheckedInAt);

public sealed record CallbackAttempt(int Number, CallbackAttemptOutcome Outcome, DateTimeOffset AttemptedAt);

public sealed record StaffRegistration(Guid Id, int People, string Status, string? Name, string? Email, string? Phone, int? PeopleAttended);

public sealed record ScheduledEvent(Guid Id);

public sealed record VolunteerAvailability(DayOfWeek Weekday, TimeOnly From, TimeOnly To);

public sealed record StaffVolunteer(
    Guid Id, string? Name, string? Email, string? Phone, IReadOnlyList<string> Languages, IReadOnlyList<string> Skills,
    IReadOnlyList<VolunteerAvailability> Availability, string AgeGroup, string Status, DateTimeOffset SignedUpAt);

public sealed record WeeklyInterval(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

public sealed record WeeklyPlan(DateOnly ValidFrom, IReadOnlyList<WeeklyInterval> Intervals);

public sealed record OfficeSchedule(IReadOnlyList<WeeklyPlan> Plans);

/// <summary>How long the office keeps one kind of its residents' data, and the limits it may choose within.</summary>
public sealed record RetentionSetting(string Kind, int Days, bool OwnChoice, int MinimumDays, int MaximumDays);

public sealed record QueuedCallback(
    Guid CallbackId, DateTimeOffset WindowStartsAt, DateTimeOffset WindowEndsAt, string Language, string? Phone, string? Topic,
    IReadOnlyList<CallbackAttempt> Attempts, bool Overdue);

/// <summary>How many walk-ins or phone contacts in one field of action (null: none given).</summary>
public sealed record ContactCount(ContactKind Kind, string? FieldOfAction, int Count);

/// <summary>The office's anonymous contacts on one local date.</summary>
public sealed record ContactDay(DateOnly Date, int WalkIns, int PhoneContacts, IReadOnlyList<ContactCount> Counts);

public sealed record CountedContact(Guid Id);

/// <summary>What a member of staff's action came to, in the words the console shows.</summary>
public enum StaffOutcome
{
    Done,
    Invalid,
    NotYourOffice,
    NotFound,
    AlreadyRecorded,
    NotYet,
}

/// <summary>
/// The services' staff endpoints, called with the signed-in person's access token: the services decide
/// what they may see and do, and record every read of residents' data in the access record.
/// </summary>
public sealed class StaffApi(IHttpClientFactory clients, IHttpContextAccessor http)
{
    public const string Reporting = "reporting";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// <summary>The office's appointments on a local date; null when the person may not see them or the office is unknown.</summary>
    public Task<List<StaffAppointment>?> DayAsync(Guid officeId, DateOnly date, CancellationToken cancellationToken) =>
        GetAsync<List<StaffAppointment>>(PublicApi.Bookings, $"/api/bookings/offices/{officeId}/appointments?date={date:yyyy-MM-dd}", cancellationToken);

    /// <summary>Open callback requests by window, overdue ones marked.</summary>
    public Task<List<QueuedCallback>?> CallbackQueueAsync(Guid officeId, CancellationToken cancellationToken) =>
        GetAsync<List<QueuedCallback>>(PublicApi.Bookings, $"/api/bookings/offices/{officeId}/callbacks/queue", cancellationToken);

    public Task<StaffOutcome> MarkAttendedAsync(Guid appointmentId, string? fieldOfAction, bool referred, CancellationToken cancellationToken) =>
        PostAsync(PublicApi.Bookings, $"/api/bookings/appointments/{appointmentId}/attended",
            new { outcomeFieldOfAction = string.IsNullOrEmpty(fieldOfAction) ? null : fieldOfAction, referredToOtherOrganisation = referred }, cancellationToken);

    public Task<StaffOutcome> CheckInAsync(Guid appointmentId, CancellationToken cancellationToken) =>
        PostAsync(PublicApi.Bookings, $"/api/bookings/appointments/{appointmentId}/check-in", null, cancellationToken);

    public Task<StaffOutcome> MarkNoShowAsync(Guid appointmentId, CancellationToken cancellationToken) =>
        PostAsync(PublicApi.Bookings, $"/api/bookings/appointments/{appointmentId}/no-show", null, cancellationToken);

    public Task<StaffOutcome> CancelAppointmentAsync(Guid appointmentId, CancellationToken cancellationToken) =>
        PostAsync(PublicApi.Bookings, $"/api/bookings/appointments/{appointmentId}/cancel", null, cancellationToken);

    public Task<StaffOutcome> RecordCallAttemptAsync(Guid callbackId, CallbackAttemptOutcome outcome, CancellationToken cancellationToken) =>
        PostAsync(PublicApi.Bookings, $"/api/bookings/callbacks/{callbackId}/attempts", new { outcome }, cancellationToken);

    /// <summary>The walk-ins and phone contacts counted on a local date.</summary>
    public Task<ContactDay?> ContactsAsync(Guid officeId, DateOnly date, CancellationToken cancellationToken) =>
        GetAsync<ContactDay>(PublicApi.Bookings, $"/api/bookings/offices/{officeId}/contacts?date={date:yyyy-MM-dd}", cancellationToken);

    /// <summary>Counts one contact; its id, so a mistaken tap can be taken back.</summary>
    public async Task<(StaffOutcome Outcome, Guid? ContactId)> CountContactAsync(Guid officeId, ContactKind kind, string? fieldOfAction, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(PublicApi.Bookings, Idempotent(new HttpRequestMessage(HttpMethod.Post, $"/api/bookings/offices/{officeId}/contacts")
        {
            Content = JsonContent.Create(new { kind, fieldOfAction = string.IsNullOrEmpty(fieldOfAction) ? null : fieldOfAction }, options: Json),
        }), cancellationToken);
        return response.IsSuccessStatusCode
            ? (StaffOutcome.Done, (await response.Content.ReadFromJsonAsync<CountedContact>(Json, cancellationToken))!.Id)
            : (OutcomeOf(response), null);
    }

    public async Task<StaffOutcome> WithdrawContactAsync(Guid officeId, Guid contactId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(PublicApi.Bookings, new HttpRequestMessage(HttpMethod.Delete, $"/api/bookings/offices/{officeId}/contacts/{contactId}"), cancellationToken);
        return OutcomeOf(response);
    }

    /// <summary>Schedules an event at the office; the refused fields (JSON names) when the service says no.</summary>
    public async Task<(Guid? EventId, IReadOnlyDictionary<string, string[]> Errors)> ScheduleEventAsync(Guid officeId, object request, CancellationToken cancellationToken)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, $"/api/engagement/offices/{officeId}/events") { Content = JsonContent.Create(request, options: Json) };
        using var response = await SendAsync(PublicApi.Engagement, Idempotent(message), cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return ((await response.Content.ReadFromJsonAsync<ScheduledEvent>(Json, cancellationToken))!.Id, new Dictionary<string, string[]>());
        }

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return (null, problem.TryGetProperty("errors", out var errors)
            ? errors.Deserialize<Dictionary<string, string[]>>(Json)!
            : new Dictionary<string, string[]> { ["general"] = [problem.TryGetProperty("title", out var title) ? title.GetString() ?? string.Empty : string.Empty] });
    }

    public Task<List<StaffRegistration>?> RegistrationsAsync(Guid eventId, CancellationToken cancellationToken) =>
        GetAsync<List<StaffRegistration>>(PublicApi.Engagement, $"/api/engagement/events/{eventId}/registrations", cancellationToken);

    public Task<StaffOutcome> RecordEventAttendanceAsync(Guid registrationId, int peopleAttended, CancellationToken cancellationToken) =>
        PostAsync(PublicApi.Engagement, $"/api/engagement/registrations/{registrationId}/attendance", new { peopleAttended }, cancellationToken);

    public Task<StaffOutcome> CancelEventAsync(Guid eventId, CancellationToken cancellationToken) =>
        PostAsync(PublicApi.Engagement, $"/api/engagement/events/{eventId}/cancel", null, cancellationToken);

    /// <summary>The office's volunteers with their contact data (recorded in the access record).</summary>
    public Task<List<StaffVolunteer>?> VolunteersAsync(Guid officeId, CancellationToken cancellationToken) =>
        GetAsync<List<StaffVolunteer>>(PublicApi.Engagement, $"/api/engagement/offices/{officeId}/volunteers", cancellationToken);

    /// <summary>approve, pause or end.</summary>
    public Task<StaffOutcome> ChangeVolunteerAsync(Guid volunteerId, string change, CancellationToken cancellationToken) =>
        PostAsync(PublicApi.Engagement, $"/api/engagement/volunteers/{volunteerId}/{change}", null, cancellationToken);

    /// <summary>The office's weekly plans (public).</summary>
    public Task<OfficeSchedule?> ScheduleAsync(Guid officeId, CancellationToken cancellationToken) =>
        GetAsync<OfficeSchedule>(PublicApi.Bookings, $"/api/bookings/offices/{officeId}/opening-hours", cancellationToken);

    /// <summary>Sets the weekly plan in force from a date on; the service's refusal in its words when it says no.</summary>
    public async Task<(StaffOutcome Outcome, string? Refusal)> SetWeeklyPlanAsync(Guid officeId, DateOnly validFrom, IReadOnlyList<WeeklyInterval> intervals, CancellationToken cancellationToken)
    {
        var message = new HttpRequestMessage(HttpMethod.Put, $"/api/bookings/offices/{officeId}/opening-hours/plans/{validFrom:yyyy-MM-dd}")
        {
            Content = JsonContent.Create(new { intervals = intervals.Select(i => new { day = i.Day, opens = i.Opens.ToString("HH:mm", CultureInfo.InvariantCulture), closes = i.Closes.ToString("HH:mm", CultureInfo.InvariantCulture) }) }, options: Json),
        };
        using var response = await SendAsync(PublicApi.Bookings, Idempotent(message), cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return (StaffOutcome.Done, null);
        }

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var refusal = problem.TryGetProperty("errors", out var errors)
            ? string.Join(" ", errors.EnumerateObject().SelectMany(field => field.Value.EnumerateArray().Select(text => text.GetString())))
            : problem.TryGetProperty("detail", out var detail) ? detail.GetString() : null;
        return (response.StatusCode == HttpStatusCode.Forbidden ? StaffOutcome.NotYourOffice : StaffOutcome.Invalid, refusal);
    }

    /// <summary>The office's retention of the kinds of data <paramref name="service"/> holds; null when it does not answer.</summary>
    public Task<List<RetentionSetting>?> RetentionAsync(string service, Guid officeId, CancellationToken cancellationToken) =>
        GetAsync<List<RetentionSetting>>(service, $"/api/{service}/offices/{officeId}/retention", cancellationToken);

    /// <summary>Keeps <paramref name="kind"/> so many days, or the platform's setting again when <paramref name="days"/> is null; the service's refusal in its words when it says no.</summary>
    public async Task<(StaffOutcome Outcome, string? Refusal)> SetRetentionAsync(string service, Guid officeId, string kind, int? days, CancellationToken cancellationToken)
    {
        var path = $"/api/{service}/offices/{officeId}/retention/{Uri.EscapeDataString(kind)}";
        using var response = await SendAsync(service, days is null
            ? new HttpRequestMessage(HttpMethod.Delete, path)
            : new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(new { days }, options: Json) }, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return (StaffOutcome.Done, null);
        }

        var refusal = response.StatusCode == HttpStatusCode.BadRequest
            && (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).TryGetProperty("errors", out var errors)
            ? string.Join(" ", errors.EnumerateObject().SelectMany(field => field.Value.EnumerateArray().Select(text => text.GetString())))
            : null;
        return (response.StatusCode switch
        {
            HttpStatusCode.Forbidden => StaffOutcome.NotYourOffice,
            HttpStatusCode.NotFound => StaffOutcome.NotFound,
            _ => StaffOutcome.Invalid,
        }, refusal);
    }

    /// <summary>The offices reporting knows, with their project areas.</summary>
    public async Task<IReadOnlyList<ReportedOffice>> ReportedOfficesAsync(CancellationToken cancellationToken) =>
        await GetAsync<List<ReportedOffice>>(Reporting, "/api/reporting/offices", cancellationToken) ?? [];

    /// <summary>A report's CSV export; the refused fields (JSON names) when the request was not valid.</summary>
    public async Task<(byte[]? Csv, IReadOnlyDictionary<string, string[]> Errors, StaffOutcome Outcome)> ReportCsvAsync(
        string report, string query, bool decimalComma, CancellationToken cancellationToken)
    {
        var path = $"/api/reporting/{report}?format=csv&decimalSeparator={(decimalComma ? "comma" : "point")}{query}";
        using var response = await SendAsync(Reporting, new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return (await response.Content.ReadAsByteArrayAsync(cancellationToken), new Dictionary<string, string[]>(), StaffOutcome.Done);
        }

        if (response.StatusCode == HttpStatusCode.BadRequest
            && (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).TryGetProperty("errors", out var errors))
        {
            return (null, errors.Deserialize<Dictionary<string, string[]>>(Json)!, StaffOutcome.Invalid);
        }

        return (null, new Dictionary<string, string[]>(), response.StatusCode == HttpStatusCode.Forbidden ? StaffOutcome.NotYourOffice : StaffOutcome.NotFound);
    }

    private async Task<T?> GetAsync<T>(string service, string path, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await SendAsync(service, new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken) : null;
    }

    private async Task<StaffOutcome> PostAsync(string service, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(service, Idempotent(new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body, options: Json) }), cancellationToken);
        return OutcomeOf(response);
    }

    // A repeat after a lost answer (the resilience handler retries) must not record twice.
    private static HttpRequestMessage Idempotent(HttpRequestMessage message)
    {
        message.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return message;
    }

    private static StaffOutcome OutcomeOf(HttpResponseMessage response) =>
        response.StatusCode switch
        {
            _ when response.IsSuccessStatusCode => StaffOutcome.Done,
            HttpStatusCode.Forbidden => StaffOutcome.NotYourOffice,
            HttpStatusCode.NotFound => StaffOutcome.NotFound,
            HttpStatusCode.Conflict => StaffOutcome.AlreadyRecorded,
            HttpStatusCode.UnprocessableEntity => StaffOutcome.NotYet,
            _ => StaffOutcome.Invalid,
        };

    private async Task<HttpResponseMessage> SendAsync(string service, HttpRequestMessage message, CancellationToken cancellationToken)
    {
        var token = http.HttpContext is { } context ? await context.AccessTokenAsync() : null;
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await ServiceCalls.SendAsync(clients, service, message, cancellationToken);
    }
}
