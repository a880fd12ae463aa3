using Quartier.Contracts.Bookings;

namespace Quartier.Web.Api;

public enum AppointmentStatus
{
    Booked,
    Cancelled,
    Attended,
    NoShow,
}

// What the pages read from the services' public APIs: only the fields they show.

public sealed record OfficeContact(string? Person, string? Role, string? Phone, string? Email);

public sealed record OfficeAccessibility(bool? StepFreeEntrance, bool? AccessibleToilet, bool? HearingLoop, string? Notes);

public sealed record Office(
    Guid Id,
    string Name,
    string Street,
    string PostalCode,
    string Town,
    string TimeZone,
    OfficeContact? Contact,
    IReadOnlyList<string> Languages,
    OfficeAccessibility? Accessibility,
    IReadOnlyList<string> FieldsOfAction);

public sealed record BookableOffice(Guid OfficeId, string Name, string TimeZone, bool AcceptsBookings);

public sealed record OfficeList(IReadOnlyList<Office> Items, int Total);

public sealed record OpenNow(bool Open, DateTimeOffset? OpenUntil, DateTimeOffset? NextOpening);

public sealed record OpenOffice(Guid OfficeId, DateTimeOffset OpenUntil);

public sealed record LocalInterval(TimeOnly Opens, TimeOnly Closes);

public sealed record OpeningDay(DateOnly Date, bool Open, IReadOnlyList<LocalInterval> LocalIntervals, string? Holiday, string? ClosureReason);

public sealed record BookableService(Guid Id, Guid OfficeId, IReadOnlyDictionary<string, string> Names, int DurationMinutes, IReadOnlyList<AppointmentChannel> Channels, bool Active)
{
    /// <summary>The name in the resident's language, else German, else any.</summary>
    public string NameIn(string language) =>
        Names.TryGetValue(language, out var name) || Names.TryGetValue("de", out name) ? name : Names.Values.FirstOrDefault() ?? string.Empty;
}

/// <summary>A free appointment slot or callback window.</summary>
public sealed record FreeTime(DateTimeOffset StartsAt, DateTimeOffset EndsAt);

/// <summary>
/// The consent a resident gave: the version of the text and the language they read it in. When is the
/// service's to note on arrival, so that a form sent twice is the same request twice.
/// </summary>
public sealed record Consent(string TextVersion, string Language)
{
    public Consent(ConsentText text)
        : this(text.Version, text.Language)
    {
    }
}

/// <summary>What residents agree to, and which service publishes its consent text.</summary>
public sealed record ConsentPurpose(string Service, string Name)
{
    public static ConsentPurpose Appointments { get; } = new(PublicApi.Bookings, "appointments");

    public static ConsentPurpose Events { get; } = new(PublicApi.Engagement, "events");

    public static ConsentPurpose Volunteers { get; } = new(PublicApi.Engagement, "volunteers");
}

/// <summary>One version of a consent text in one language, as the service publishes it.</summary>
public sealed record ConsentText(string Purpose, string Version, string Language, DateOnly ValidFrom, string Title, IReadOnlyList<string> Paragraphs);

/// <summary><paramref name="MessageLanguage"/>: the language of the pages, which mail to the resident is written in.</summary>
public sealed record AppointmentRequest(
    Guid ServiceId, DateTimeOffset StartsAt, AppointmentChannel Channel, string? Name, string? Phone, string? Email,
    string Language, bool InterpreterNeeded, string? Topic, Consent? Consent, string MessageLanguage);

/// <summary>What a booking answers once: the secret that opens it.</summary>
public sealed record Confirmation(string ManagementToken);

public sealed record CallbackRequest(DateTimeOffset WindowStartsAt, string? Phone, string Language, string? Topic, Consent? Consent, string? Email, string MessageLanguage);

public enum CallbackStatus
{
    Open,
    Completed,
    Unreachable,
    Cancelled,
}

public sealed record Callback(Guid CallbackId, Guid OfficeId, DateTimeOffset WindowStartsAt, DateTimeOffset WindowEndsAt, CallbackStatus Status);

public sealed record Appointment(
    Guid AppointmentId,
    Guid OfficeId,
    string OfficeName,
    Guid ServiceId,
    AppointmentChannel Channel,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    AppointmentStatus Status,
    string? Name,
    DateTimeOffset ChangeableUntil);

public sealed record EventText(string Language, string Title, string? Description);

public sealed record CommunityEvent(
    Guid Id,
    Guid OfficeId,
    string FieldOfAction,
    IReadOnlyList<EventText> Texts,
    string Place,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset RegistrationDeadline,
    int Capacity,
    int FreeSeats,
    string Status = "Scheduled",
    int Version = 0)
{
    /// <summary>The text in the resident's language, else German, else the first one.</summary>
    public EventText TextIn(string language) =>
        Texts.FirstOrDefault(t => t.Language == language) ?? Texts.FirstOrDefault(t => t.Language == "de") ?? Texts[0];
}

public sealed record EventRegistrationRequest(string? Name, string? Email, string? Phone, int People, bool Consent, string ConsentTextVersion, string MessageLanguage, string ConsentLanguage);

public enum RegistrationStatus
{
    Confirmed,
    Waitlisted,
    Cancelled,
}

public sealed record EventRegistration(Guid Id, Guid EventId, int People, RegistrationStatus Status, int? WaitlistPosition);

public sealed record VolunteerAvailability(DayOfWeek Weekday, TimeOnly From, TimeOnly To);

public sealed record GuardianConsent(string Name, string ConsentTextVersion);

public sealed record VolunteerSignUpRequest(
    string? Name,
    string? Email,
    string? Phone,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Skills,
    IReadOnlyList<VolunteerAvailability> Availability,
    Quartier.Contracts.Engagement.AgeGroup AgeGroup,
    GuardianConsent? Guardian,
    bool Consent,
    string ConsentTextVersion,
    string MessageLanguage,
    string ConsentLanguage);

/// <summary>The volunteer's own link, once: to see and delete what is stored.</summary>
public sealed record SignedUpVolunteer(Guid Id, string ManagementToken);

public sealed record BarrierReport(string? Message, string? Where, string? Email, string? Phone, string Language);

public sealed record BarrierReportReceived(Guid OfficeId, string OfficeName);

public sealed record PersonalDataErased(IReadOnlyList<string> Remains);

/// <summary>A kind of booking a resident holds a link to: the page's path, and where its service keeps it.</summary>
public sealed record OwnData(string Page, string Service, string ApiLink)
{
    public static OwnData Appointment { get; } = new("appointment", PublicApi.Bookings, PublicApi.AppointmentLink);

    public static OwnData Callback { get; } = new("callback", PublicApi.Bookings, PublicApi.CallbackLink);

    public static OwnData Registration { get; } = new("registration", PublicApi.Engagement, PublicApi.RegistrationLink);

    /// <summary>A volunteer's own link opens only their data: there is no booking page to return to.</summary>
    public static OwnData Volunteer { get; } = new("volunteer", PublicApi.Engagement, PublicApi.VolunteerLink) { HasBookingPage = false };

    public static IReadOnlyList<OwnData> All { get; } = [Appointment, Callback, Registration, Volunteer];

    public bool HasBookingPage { get; init; } = true;
}
