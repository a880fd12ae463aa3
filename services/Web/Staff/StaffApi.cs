using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
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

/// <summary>An ongoing volunteer role of an office, optionally at a regular time.</summary>
public sealed record StaffOpportunity(
    Guid Id, Guid OfficeId, string Title, string? Description, string FieldOfAction, IReadOnlyList<string> Skills, IReadOnlyList<string> Languages,
    DayOfWeek? Weekday, TimeOnly? From, TimeOnly? To);

/// <summary>A dated shift of a role with its headcount.</summary>
public sealed record StaffShift(Guid Id, Guid OpportunityId, Guid OfficeId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Needed, int SignedUp, int Missing);

/// <summary>A volunteer in a shift; whether they came once recorded.</summary>
public sealed record ShiftSignUp(Guid VolunteerId, string? Name, DateTimeOffset SignedUpAt, bool? Attended);

/// <summary>An approved volunteer suggested for a role or shift, best fit first.</summary>
public sealed record VolunteerSuggestion(Guid VolunteerId, string? Name, IReadOnlyList<string> MatchingSkills, IReadOnlyList<string> MatchingLanguages, decimal HoursThisMonth);

/// <summary>A volunteer paired with a partner for a purpose.</summary>
public sealed record StaffTandem(Guid Id, Guid OfficeId, Guid VolunteerId, string? PartnerName, string Purpose, DateOnly StartsOn, DateOnly? EndsOn, DateTimeOffset? EndedAt);

public sealed record HoursByField(string FieldOfAction, decimal Hours);

public sealed record HoursByVolunteer(Guid VolunteerId, decimal Hours);

/// <summary>Volunteer hours of an office in a period, added up.</summary>
public sealed record HoursSummary(decimal Total, IReadOnlyList<HoursByField> ByFieldOfAction, IReadOnlyList<HoursByVolunteer> ByVolunteer);

public sealed record WeeklyInterval(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

public sealed record WeeklyPlan(DateOnly ValidFrom, IReadOnlyList<WeeklyInterval> Intervals);

public sealed record LocalTimes(TimeOnly Opens, TimeOnly Closes);

/// <summary>One day that differs from the plan: closed (no intervals) or special hours.</summary>
public sealed record SpecialDay(DateOnly Date, IReadOnlyList<LocalTimes> Intervals, string? Reason);

/// <summary>The office is closed from <see cref="From"/> to <see cref="To"/> (inclusive).</summary>
public sealed record ClosurePeriod(Guid Id, DateOnly From, DateOnly To, string? Reason);

public sealed record OfficeSchedule(IReadOnlyList<WeeklyPlan> Plans, IReadOnlyList<SpecialDay> Exceptions, IReadOnlyList<ClosurePeriod> Closures);

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

public sealed record DayVersion(string Version);

/// <summary>An appointment service as the office's lead sets it up.</summary>
public sealed record StaffService(
    Guid Id, IReadOnlyDictionary<string, string> Names, int DurationMinutes, IReadOnlyList<AppointmentChannel> Channels, string FieldOfAction,
    int Capacity, int BufferAfterMinutes, int MinimumNoticeMinutes, int BookingHorizonDays, bool Active);

/// <summary>How the office offers callbacks.</summary>
public sealed record CallbackOffer(int WindowMinutes, int CapacityPerWindow, int MinimumNoticeMinutes, int HorizonDays);

public sealed record StaffMembership(Guid OfficeId, string Role);

/// <summary>A person's account as the identity service shows it to administrators and leads.</summary>
public sealed record StaffAccount(
    Guid Id, string Email, string Name, bool Administrator, DateTimeOffset InvitedAt, DateTimeOffset? JoinedAt, DateTimeOffset? DisabledAt,
    IReadOnlyList<StaffMembership> Memberships);

/// <summary>The link the person invited sets their password with; it works once, until it expires.</summary>
public sealed record Invitation(Guid AccountId, string Email, Uri InvitationLink, DateTimeOffset ExpiresAt);

/// <summary>One read of residents' personal data.</summary>
public sealed record AccessRecordEntry(DateTimeOffset ReadAt, string Actor, string? ActorName, string Service, Guid? OfficeId, string Purpose, IReadOnlyList<Guid> RecordIds);

/// <summary>What came of a change sent to a service: its answer, or the refused fields (JSON names) and the refusal in the service's words.</summary>
public sealed record Submitted<T>(T? Value, IReadOnlyDictionary<string, string[]> Errors, StaffOutcome Outcome, string? Refusal)
{
    /// <summary>Every refusal in one sentence, for a form with one field for it.</summary>
    public string? Explained => Errors.Count > 0 ? string.Join(" ", Errors.Values.SelectMany(messages => messages)) : Refusal;
}

/// <summary>What a member of staff's action came to, in the words the console shows.</summary>
public enum StaffOutcome
{
    Done,
    Invalid,
    NotYourOffice,
    NotFound,
    AlreadyRecorded,
    NotYet,
    Stale,
}

/// <summary>
/// The services' staff endpoints, called with the signed-in person's access token: the services decide
/// what they may see and do, and record every read of residents' data in the access record.
/// </summary>
public sealed class StaffApi(IHttpClientFactory clients, IHttpContextAccessor http)
{
    public const string Reporting = "reporting";
    public const string Identity = "identity";

    /// <summary>The roles a person can hold in an office, by the identity service's names.</summary>
    public static IReadOnlyList<string> Roles { get; } = ["Staff", "Lead", "Coordinator"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// <summary>The office's appointments on a local date; null when the person may not see them or the office is unknown.</summary>
    public Task<List<StaffAppointment>?> DayAsync(Guid officeId, DateOnly date, CancellationToken cancellationToken) =>
        GetAsync<List<StaffAppointment>>(PublicApi.Bookings, $"/api/bookings/offices/{officeId}/appointments?date={date:yyyy-MM-dd}", cancellationToken);

    /// <summary>A stamp that changes when the day page's appointments, callbacks or counters change; null when the office is not the person's.</summary>
    public async Task<string?> DayVersionAsync(Guid officeId, DateOnly date, CancellationToken cancellationToken) =>
        (await GetAsync<DayVersion>(PublicApi.Bookings, $"/api/bookings/offices/{officeId}/day-version?date={date:yyyy-MM-dd}", cancellationToken))?.Version;

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
    public Task<Submitted<ScheduledEvent>> ScheduleEventAsync(Guid officeId, object request, CancellationToken cancellationToken) =>
        SubmitAsync<ScheduledEvent>(PublicApi.Engagement, HttpMethod.Post, $"/api/engagement/offices/{officeId}/events", request, cancellationToken);

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

    public Task<List<StaffOpportunity>?> OpportunitiesAsync(Guid officeId, CancellationToken cancellationToken) =>
        GetAsync<List<StaffOpportunity>>(PublicApi.Engagement, $"/api/engagement/offices/{officeId}/opportunities", cancellationToken);

    public Task<StaffOpportunity?> OpportunityAsync(Guid opportunityId, CancellationToken cancellationToken) =>
        GetAsync<StaffOpportunity>(PublicApi.Engagement, $"/api/engagement/opportunities/{opportunityId}", cancellationToken);

    public Task<Submitted<StaffOpportunity>> CreateOpportunityAsync(Guid officeId, object request, CancellationToken cancellationToken) =>
        SubmitAsync<StaffOpportunity>(PublicApi.Engagement, HttpMethod.Post, $"/api/engagement/offices/{officeId}/opportunities", request, cancellationToken);

    /// <summary>A role's shifts from two weeks back on.</summary>
    public Task<List<StaffShift>?> ShiftsAsync(Guid opportunityId, CancellationToken cancellationToken) =>
        GetAsync<List<StaffShift>>(PublicApi.Engagement, $"/api/engagement/opportunities/{opportunityId}/shifts", cancellationToken);

    public Task<StaffShift?> ShiftAsync(Guid shiftId, CancellationToken cancellationToken) =>
        GetAsync<StaffShift>(PublicApi.Engagement, $"/api/engagement/shifts/{shiftId}", cancellationToken);

    public Task<Submitted<StaffShift>> CreateShiftAsync(Guid opportunityId, DateTimeOffset startsAt, DateTimeOffset endsAt, int needed, CancellationToken cancellationToken) =>
        SubmitAsync<StaffShift>(PublicApi.Engagement, HttpMethod.Post, $"/api/engagement/opportunities/{opportunityId}/shifts", new { startsAt, endsAt, needed }, cancellationToken);

    /// <summary>Who took a place in the shift (recorded in the access record).</summary>
    public Task<List<ShiftSignUp>?> SignUpsAsync(Guid shiftId, CancellationToken cancellationToken) =>
        GetAsync<List<ShiftSignUp>>(PublicApi.Engagement, $"/api/engagement/shifts/{shiftId}/sign-ups", cancellationToken);

    public Task<StaffOutcome> SignUpForShiftAsync(Guid shiftId, Guid volunteerId, CancellationToken cancellationToken) =>
        PostAsync(PublicApi.Engagement, $"/api/engagement/shifts/{shiftId}/sign-ups", new { volunteerId }, cancellationToken);

    public Task<StaffOutcome> RecordShiftAttendanceAsync(Guid shiftId, Guid volunteerId, bool attended, CancellationToken cancellationToken) =>
        PostAsync(PublicApi.Engagement, $"/api/engagement/shifts/{shiftId}/attendance", new { volunteerId, attended }, cancellationToken);

    /// <summary>Approved volunteers free for the shift, best fit first (recorded in the access record).</summary>
    public Task<List<VolunteerSuggestion>?> ShiftSuggestionsAsync(Guid shiftId, CancellationToken cancellationToken) =>
        GetAsync<List<VolunteerSuggestion>>(PublicApi.Engagement, $"/api/engagement/shifts/{shiftId}/matches", cancellationToken);

    /// <summary>Approved volunteers for the role's regular time, best fit first (recorded in the access record).</summary>
    public Task<List<VolunteerSuggestion>?> OpportunitySuggestionsAsync(Guid opportunityId, CancellationToken cancellationToken) =>
        GetAsync<List<VolunteerSuggestion>>(PublicApi.Engagement, $"/api/engagement/opportunities/{opportunityId}/matches", cancellationToken);

    /// <summary>The office's running tandems (recorded in the access record).</summary>
    public Task<List<StaffTandem>?> TandemsAsync(Guid officeId, CancellationToken cancellationToken) =>
        GetAsync<List<StaffTandem>>(PublicApi.Engagement, $"/api/engagement/offices/{officeId}/tandems", cancellationToken);

    public Task<Submitted<StaffTandem>> FormTandemAsync(object request, CancellationToken cancellationToken) =>
        SubmitAsync<StaffTandem>(PublicApi.Engagement, HttpMethod.Post, "/api/engagement/tandems", request, cancellationToken);

    public Task<StaffOutcome> EndTandemAsync(Guid tandemId, CancellationToken cancellationToken) =>
        PostAsync(PublicApi.Engagement, $"/api/engagement/tandems/{tandemId}/end", null, cancellationToken);

    /// <summary>The office's volunteer hours between two dates (both included).</summary>
    public Task<HoursSummary?> HoursAsync(Guid officeId, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        GetAsync<HoursSummary>(PublicApi.Engagement, $"/api/engagement/hours/summary?officeId={officeId}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}", cancellationToken);

    public Task<Submitted<JsonElement>> LogHoursAsync(Guid volunteerId, object request, CancellationToken cancellationToken) =>
        SubmitAsync<JsonElement>(PublicApi.Engagement, HttpMethod.Post, $"/api/engagement/volunteers/{volunteerId}/hours", request, cancellationToken);

    /// <summary>Changes an event that has not begun, against the plan's version opened (Stale when someone changed it meanwhile).</summary>
    public Task<Submitted<JsonElement>> ChangeEventAsync(Guid eventId, object request, int? version, CancellationToken cancellationToken) =>
        SubmitAsync<JsonElement>(PublicApi.Engagement, HttpMethod.Put, $"/api/engagement/events/{eventId}", request, cancellationToken,
            version is { } opened ? $"\"{opened.ToString(CultureInfo.InvariantCulture)}\"" : null);

    /// <summary>The office's weekly plans, special days and closures (public), with their version for a change against them.</summary>
    public async Task<(OfficeSchedule? Schedule, string? Version)> ScheduleAsync(Guid officeId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(PublicApi.Bookings, new HttpRequestMessage(HttpMethod.Get, $"/api/bookings/offices/{officeId}/opening-hours"), cancellationToken);
        return response.IsSuccessStatusCode
            ? (await response.Content.ReadFromJsonAsync<OfficeSchedule>(Json, cancellationToken), response.Headers.ETag?.ToString())
            : (null, null);
    }

    /// <summary>Sets the weekly plan in force from a date on, against the opening hours' version opened (Stale when someone changed them meanwhile).</summary>
    public Task<Submitted<JsonElement>> SetWeeklyPlanAsync(Guid officeId, DateOnly validFrom, IReadOnlyList<WeeklyInterval> intervals, string? version, CancellationToken cancellationToken) =>
        SubmitAsync<JsonElement>(PublicApi.Bookings, HttpMethod.Put, $"/api/bookings/offices/{officeId}/opening-hours/plans/{validFrom:yyyy-MM-dd}",
            new { intervals = intervals.Select(i => new { day = i.Day, opens = i.Opens.ToString("HH:mm", CultureInfo.InvariantCulture), closes = i.Closes.ToString("HH:mm", CultureInfo.InvariantCulture) }) },
            cancellationToken, version);

    /// <summary>The directory, closed offices included, by name; null when it does not answer.</summary>
    public async Task<IReadOnlyList<JsonElement>?> DirectoryAsync(string? text, CancellationToken cancellationToken)
    {
        using var page = await GetAsync<JsonDocument>(PublicApi.Offices, $"/api/offices?includeClosed=true&pageSize=100{(string.IsNullOrWhiteSpace(text) ? string.Empty : $"&q={Uri.EscapeDataString(text.Trim())}")}", cancellationToken);
        return page is null ? null : [.. page.RootElement.GetProperty("items").EnumerateArray().Select(office => office.Clone())];
    }

    /// <summary>The office's whole document and its version, to change and send back whole.</summary>
    public async Task<(JsonObject? Document, string? Version)> OfficeDocumentAsync(Guid officeId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(PublicApi.Offices, new HttpRequestMessage(HttpMethod.Get, $"/api/offices/{officeId}"), cancellationToken);
        return response.IsSuccessStatusCode
            ? (await response.Content.ReadFromJsonAsync<JsonObject>(Json, cancellationToken), response.Headers.ETag?.ToString())
            : (null, null);
    }

    public Task<Submitted<JsonElement>> RegisterOfficeAsync(JsonObject office, CancellationToken cancellationToken) =>
        SubmitAsync<JsonElement>(PublicApi.Offices, HttpMethod.Post, "/api/offices", office, cancellationToken);

    /// <summary>Replaces the office's document if it is still <paramref name="version"/>; <see cref="StaffOutcome.Stale"/> when someone changed it meanwhile.</summary>
    public Task<Submitted<JsonElement>> UpdateOfficeAsync(Guid officeId, JsonObject office, string version, CancellationToken cancellationToken) =>
        SubmitAsync<JsonElement>(PublicApi.Offices, HttpMethod.Put, $"/api/offices/{officeId}", office, cancellationToken, ifMatch: version);

    public async Task<StaffOutcome> CloseOfficeAsync(Guid officeId, string? version, CancellationToken cancellationToken) =>
        (await SubmitAsync<JsonElement>(PublicApi.Offices, HttpMethod.Post, $"/api/offices/{officeId}/close", null, cancellationToken, ifMatch: version)).Outcome;

    /// <summary>The office's appointment services, with everything the lead sets.</summary>
    public Task<List<StaffService>?> OfficeServicesAsync(Guid officeId, CancellationToken cancellationToken) =>
        GetAsync<List<StaffService>>(PublicApi.Bookings, $"/api/bookings/offices/{officeId}/services", cancellationToken);

    /// <summary>Offers a new service, or changes <paramref name="serviceId"/>.</summary>
    public Task<Submitted<StaffService>> SaveServiceAsync(Guid officeId, Guid? serviceId, object request, CancellationToken cancellationToken) =>
        serviceId is { } existing
            ? SubmitAsync<StaffService>(PublicApi.Bookings, HttpMethod.Put, $"/api/bookings/services/{existing}", request, cancellationToken)
            : SubmitAsync<StaffService>(PublicApi.Bookings, HttpMethod.Post, $"/api/bookings/offices/{officeId}/services", request, cancellationToken);

    /// <summary>Stops offering a service; appointments already booked stay.</summary>
    public async Task<StaffOutcome> WithdrawServiceAsync(Guid serviceId, CancellationToken cancellationToken) =>
        (await SubmitAsync<JsonElement>(PublicApi.Bookings, HttpMethod.Delete, $"/api/bookings/services/{serviceId}", null, cancellationToken)).Outcome;

    /// <summary>How the office offers callbacks; null when it offers none (yet).</summary>
    public Task<CallbackOffer?> CallbackOfferAsync(Guid officeId, CancellationToken cancellationToken) =>
        GetAsync<CallbackOffer>(PublicApi.Bookings, $"/api/bookings/offices/{officeId}/callback-settings", cancellationToken);

    public Task<Submitted<CallbackOffer>> SetCallbackOfferAsync(Guid officeId, CallbackOffer offer, CancellationToken cancellationToken) =>
        SubmitAsync<CallbackOffer>(PublicApi.Bookings, HttpMethod.Put, $"/api/bookings/offices/{officeId}/callback-settings", offer, cancellationToken);

    /// <summary>Special hours on one day, or closed all day when <paramref name="intervals"/> is empty.</summary>
    public Task<Submitted<JsonElement>> SetSpecialDayAsync(Guid officeId, DateOnly date, IReadOnlyList<LocalTimes> intervals, string? reason, CancellationToken cancellationToken) =>
        SubmitAsync<JsonElement>(PublicApi.Bookings, HttpMethod.Put, $"/api/bookings/offices/{officeId}/opening-hours/exceptions/{date:yyyy-MM-dd}",
            new
            {
                intervals = intervals.Select(i => new { opens = i.Opens.ToString("HH:mm", CultureInfo.InvariantCulture), closes = i.Closes.ToString("HH:mm", CultureInfo.InvariantCulture) }),
                reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            },
            cancellationToken);

    public async Task<StaffOutcome> RemoveSpecialDayAsync(Guid officeId, DateOnly date, CancellationToken cancellationToken) =>
        (await SubmitAsync<JsonElement>(PublicApi.Bookings, HttpMethod.Delete, $"/api/bookings/offices/{officeId}/opening-hours/exceptions/{date:yyyy-MM-dd}", null, cancellationToken)).Outcome;

    public Task<Submitted<JsonElement>> AddClosureAsync(Guid officeId, DateOnly from, DateOnly to, string? reason, CancellationToken cancellationToken) =>
        SubmitAsync<JsonElement>(PublicApi.Bookings, HttpMethod.Post, $"/api/bookings/offices/{officeId}/opening-hours/closures",
            new { from, to, reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim() }, cancellationToken);

    public async Task<StaffOutcome> RemoveClosureAsync(Guid officeId, Guid closureId, CancellationToken cancellationToken) =>
        (await SubmitAsync<JsonElement>(PublicApi.Bookings, HttpMethod.Delete, $"/api/bookings/offices/{officeId}/opening-hours/closures/{closureId}", null, cancellationToken)).Outcome;

    /// <summary>The office's retention of the kinds of data <paramref name="service"/> holds; null when it does not answer.</summary>
    public Task<List<RetentionSetting>?> RetentionAsync(string service, Guid officeId, CancellationToken cancellationToken) =>
        GetAsync<List<RetentionSetting>>(service, $"/api/{service}/offices/{officeId}/retention", cancellationToken);

    /// <summary>Keeps <paramref name="kind"/> so many days, or the platform's setting again when <paramref name="days"/> is null.</summary>
    public Task<Submitted<JsonElement>> SetRetentionAsync(string service, Guid officeId, string kind, int? days, CancellationToken cancellationToken) =>
        SubmitAsync<JsonElement>(service, days is null ? HttpMethod.Delete : HttpMethod.Put, $"/api/{service}/offices/{officeId}/retention/{Uri.EscapeDataString(kind)}",
            days is null ? null : new { days }, cancellationToken);

    /// <summary>The accounts the person manages: all for administrators, those in their offices for a lead; null when refused.</summary>
    public Task<List<StaffAccount>?> AccountsAsync(CancellationToken cancellationToken) =>
        GetAsync<List<StaffAccount>>(Identity, "/api/identity/accounts", cancellationToken);

    /// <summary>Invites a person, into an office or as an administrator.</summary>
    public Task<Submitted<Invitation>> InviteAsync(string name, string email, bool administrator, IReadOnlyList<StaffMembership> memberships, CancellationToken cancellationToken) =>
        SubmitAsync<Invitation>(Identity, HttpMethod.Post, "/api/identity/invitations", new { name, email, administrator, memberships }, cancellationToken);

    /// <summary>Sets the person's memberships in the offices the caller manages; the others stay.</summary>
    public async Task<StaffOutcome> SetMembershipsAsync(Guid accountId, IReadOnlyList<StaffMembership> memberships, CancellationToken cancellationToken) =>
        (await SubmitAsync<JsonElement>(Identity, HttpMethod.Put, $"/api/identity/accounts/{accountId}/memberships", new { memberships }, cancellationToken)).Outcome;

    public Task<StaffOutcome> DisableAccountAsync(Guid accountId, CancellationToken cancellationToken) =>
        PostAsync(Identity, $"/api/identity/accounts/{accountId}/disable", null, cancellationToken);

    /// <summary>Who read residents' data, newest first: every office for administrators, the offices they lead for a lead.</summary>
    public async Task<IReadOnlyList<AccessRecordEntry>?> AccessRecordAsync(Guid? officeId, DateOnly? from, DateOnly? to, CancellationToken cancellationToken) =>
        await GetAsync<List<AccessRecordEntry>>(Identity, "/api/identity/access-records?limit=500"
            + (officeId is { } office ? $"&officeId={office}" : string.Empty)
            + (from is { } start ? $"&from={start:yyyy-MM-dd}T00:00:00Z" : string.Empty)
            + (to is { } end ? $"&to={end.AddDays(1):yyyy-MM-dd}T00:00:00Z" : string.Empty), cancellationToken);

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

    /// <summary>Sends a change; its answer, or the refused fields (JSON names) and the service's words for a refusal.</summary>
    private async Task<Submitted<T>> SubmitAsync<T>(string service, HttpMethod method, string path, object? body, CancellationToken cancellationToken, string? ifMatch = null)
    {
        var message = Idempotent(new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, options: Json) });
        if (ifMatch is not null)
        {
            message.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        using var response = await SendAsync(service, message, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            var value = response.Content.Headers.ContentLength is 0 || response.StatusCode == HttpStatusCode.NoContent
                ? default
                : await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken);
            return new Submitted<T>(value, new Dictionary<string, string[]>(), StaffOutcome.Done, null);
        }

        var problem = response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) == true
            ? await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)
            : default;
        var errors = problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("errors", out var fields)
            ? fields.Deserialize<Dictionary<string, string[]>>(Json)!
            : new Dictionary<string, string[]>();
        var words = problem.ValueKind == JsonValueKind.Object && (problem.TryGetProperty("detail", out var text) || problem.TryGetProperty("title", out text)) ? text.GetString() : null;
        return new Submitted<T>(default, errors, OutcomeOf(response), words);
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
            HttpStatusCode.PreconditionFailed => StaffOutcome.Stale,
            _ => StaffOutcome.Invalid,
        };

    private async Task<HttpResponseMessage> SendAsync(string service, HttpRequestMessage message, CancellationToken cancellationToken)
    {
        var token = http.HttpContext is { } context ? await context.AccessTokenAsync() : null;
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await ServiceCalls.SendAsync(clients, service, message, cancellationToken);
    }
}
