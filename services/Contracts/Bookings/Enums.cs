using System.Text.Json.Serialization;

namespace Quartier.Contracts.Bookings;

// Strings on the wire, so consumers need not share the numbering.
[JsonConverter(typeof(JsonStringEnumConverter<AppointmentChannel>))]
public enum AppointmentChannel
{
    InPerson,
    Phone,
    Video,
}

// Strings on the wire, so consumers need not share the numbering.
[JsonConverter(typeof(JsonStringEnumConverter<CancelledBy>))]
public enum CancelledBy
{
    Resident,
    Staff,
    OfficeClosed,
}

// Strings on the wire, so consumers need not share the numbering.
[JsonConverter(typeof(JsonStringEnumConverter<CallbackAttemptOutcome>))]
public enum CallbackAttemptOutcome
{
    Reached,
    NoAnswer,
    WrongNumber,
    MessageLeft,
}
