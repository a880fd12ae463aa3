using Quartier.Contracts.Bookings;
using Quartier.Reporting.Reports;

namespace Quartier.Reporting.Appointments;

public enum AppointmentOutcome
{
    Attended,
    NoShow,
}

/// <summary>
/// Read model: what is known about one appointment, whichever of its events came first. It counts
/// in the period of its (latest) start, and so do its cancellation and outcome.
/// </summary>
public sealed class AppointmentRecord : IOfficeRow
{
    public Guid AppointmentId { get; init; }

    public Guid OfficeId { get; set; }

    public bool Booked { get; private set; }

    public AppointmentChannel? Channel { get; private set; }

    public string? FieldOfAction { get; private set; }

    public string? Language { get; private set; }

    public bool? InterpreterNeeded { get; private set; }

    public DateTimeOffset? StartsAt { get; private set; }

    public DateTimeOffset? EndsAt { get; private set; }

    /// <summary>The local date of <see cref="StartsAt"/>, which decides the period.</summary>
    public DateOnly? Date { get; private set; }

    public int DurationMinutes { get; private set; }

    public DateTimeOffset? ScheduledAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public AppointmentOutcome? Outcome { get; private set; }

    public DateTimeOffset? OutcomeRecordedAt { get; private set; }

    public uint Version { get; private set; }

    public void Book(AppointmentBooked booked)
    {
        Booked = true;
        (Channel, FieldOfAction, Language, InterpreterNeeded) = (booked.Channel, booked.FieldOfAction, booked.Language, booked.InterpreterNeeded);
        Schedule(booked.StartsAt, booked.EndsAt, booked.BookedAt);
    }

    /// <summary>The latest booking or rescheduling decides the time, whatever order they arrive in.</summary>
    public void Schedule(DateTimeOffset startsAt, DateTimeOffset endsAt, DateTimeOffset asOf)
    {
        if (ScheduledAt > asOf)
        {
            return;
        }

        (StartsAt, EndsAt, Date, ScheduledAt) = (startsAt, endsAt, BerlinTime.DateOf(startsAt), asOf);
        DurationMinutes = (int)(endsAt - startsAt).TotalMinutes;
    }

    public void Cancel(DateTimeOffset cancelledAt) => CancelledAt ??= cancelledAt;

    /// <summary>Staff may correct an outcome; the latest record wins.</summary>
    public void Record(AppointmentOutcome outcome, DateTimeOffset recordedAt)
    {
        if (OutcomeRecordedAt > recordedAt)
        {
            return;
        }

        (Outcome, OutcomeRecordedAt) = (outcome, recordedAt);
    }
}
