using System.ComponentModel.DataAnnotations;
using Quartier.Bookings.Privacy;
using Quartier.Contracts;
using Quartier.Contracts.Bookings;

namespace Quartier.Bookings.AppointmentServices;

public sealed record AppointmentServiceRequest(
    [property: Required] IReadOnlyDictionary<string, string>? Names,
    [property: Required, Range(5, AppointmentService.LongestDurationMinutes)] int? DurationMinutes,
    [property: Required] IReadOnlyList<AppointmentChannel>? Channels,
    [property: Required] string? FieldOfAction,
    [property: Required, Range(1, 50)] int? Capacity,
    [property: Range(0, AppointmentService.LongestBufferAfterMinutes)] int? BufferAfterMinutes,
    [property: Range(0, 60 * 24 * 14)] int? MinimumNoticeMinutes,
    [property: Range(1, 365)] int? BookingHorizonDays) : IValidatableObject
{
    public const int DefaultHorizonDays = 56;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Names is { } names && (names.Count == 0 || names.Any(n => !ContactRules.IsLanguage(n.Key) || string.IsNullOrWhiteSpace(n.Value) || n.Value.Length > 200)))
        {
            yield return new ValidationResult("Give at least one name, keyed by ISO 639 language code (e.g. de, en), each 1 to 200 characters.", [nameof(Names)]);
        }

        if (Channels is { } channels && (channels.Count == 0 || channels.Any(c => !Enum.IsDefined(c))))
        {
            yield return new ValidationResult("Offer at least one channel: InPerson, Phone or Video.", [nameof(Channels)]);
        }

        if (FieldOfAction is not null && !FieldsOfAction.IsKnown(FieldOfAction))
        {
            yield return new ValidationResult($"Unknown field of action; use one of {string.Join(", ", FieldsOfAction.Names.Keys)}.", [nameof(FieldOfAction)]);
        }
    }
}

public sealed record AppointmentServiceResponse(
    Guid Id,
    Guid OfficeId,
    IReadOnlyDictionary<string, string> Names,
    int DurationMinutes,
    IReadOnlyList<AppointmentChannel> Channels,
    string FieldOfAction,
    int Capacity,
    int BufferAfterMinutes,
    int MinimumNoticeMinutes,
    int BookingHorizonDays,
    bool Active)
{
    public static AppointmentServiceResponse From(AppointmentService s) => new(
        s.Id, s.OfficeId, s.Names, s.DurationMinutes, s.Channels, s.FieldOfAction, s.Capacity,
        s.BufferAfterMinutes, s.MinimumNoticeMinutes, s.BookingHorizonDays, s.Active);
}
