namespace Quartier.ServiceDefaults.Privacy;

/// <summary>
/// The answer to "delete my data now", the same however often it is asked: the personal data is gone
/// and the management link no longer opens anything; what <paramref name="Remains"/> is anonymous
/// (kept for the office's statistics, as after the retention period).
/// </summary>
public sealed record PersonalDataErased(IReadOnlyList<string> Remains);
