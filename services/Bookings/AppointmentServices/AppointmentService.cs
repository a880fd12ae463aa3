using Quartier.Contracts.Bookings;

namespace Quartier.Bookings.AppointmentServices;

/// <summary>
/// Something residents can book at an office, e.g. "Beratung Wohnen" for 45 minutes, in person or by
/// phone, served by two counsellors in parallel.
/// </summary>
public sealed class AppointmentService
{
    public const int LongestDurationMinutes = 480;

    public const int LongestBufferAfterMinutes = 240;

    /// <summary>
    /// The longest any appointment blocks its seat. Overlap queries bound their start by it, so they
    /// read the appointments of a day from the index instead of every appointment before it.
    /// </summary>
    public static readonly TimeSpan LongestBlock = TimeSpan.FromMinutes(LongestDurationMinutes + LongestBufferAfterMinutes);

    public Guid Id { get; init; }

    public Guid OfficeId { get; init; }

    /// <summary>Name per ISO 639 language code, e.g. de, en, ar, uk.</summary>
    public IReadOnlyDictionary<string, string> Names { get; set; } = new Dictionary<string, string>();

    public int DurationMinutes { get; set; }

    public IReadOnlyList<AppointmentChannel> Channels { get; set; } = [];

    public required string FieldOfAction { get; set; }

    /// <summary>How many counsellors serve it in parallel: the seats of a slot.</summary>
    public int Capacity { get; set; }

    public int BufferAfterMinutes { get; set; }

    public int MinimumNoticeMinutes { get; set; }

    public int BookingHorizonDays { get; set; }

    public bool Active { get; set; } = true;

    public uint Version { get; private set; }

    public TimeSpan Duration => TimeSpan.FromMinutes(DurationMinutes);

    /// <summary>The name in <paramref name="language"/>, else the German one, else any.</summary>
    public string NameIn(string language) =>
        Names.TryGetValue(language, out var inLanguage) ? inLanguage
        : Names.TryGetValue("de", out var german) ? german
        : Names.Values.FirstOrDefault() ?? string.Empty;

    public TimeSpan BufferAfter => TimeSpan.FromMinutes(BufferAfterMinutes);
}
