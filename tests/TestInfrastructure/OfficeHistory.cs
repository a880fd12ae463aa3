using Quartier.Contracts.Offices;

namespace Quartier.Testing;

/// <summary>
/// One office's life as the Offices service announces it: registered, renamed twice, closed. Every
/// service's copy of the office must end in the same state whatever order these arrive in and however
/// often: named <see cref="FinalName"/> and closed.
/// </summary>
public sealed class OfficeHistory(DateTimeOffset start)
{
    public const string FinalName = "Stadtteilbüro Nord";

    public Guid OfficeId { get; } = Guid.NewGuid();

    /// <summary>Each event twice (as after a relay's retry), in an order the seed chooses.</summary>
    public IReadOnlyList<object> ShuffledAndRepeated(int seed)
    {
        object[] events =
        [
            new OfficeRegistered(OfficeId, "Stadtteilbüro Südstadt", "Stadtteilbüro", "Käthe-Kollwitz-Straße 20", "37327", "Leinefelde-Worbis", "DE-TH", "Europe/Berlin", start),
            Renamed("Stadtteilbüro Mitte", start.AddMinutes(1)),
            Renamed(FinalName, start.AddMinutes(2)),
            new OfficeClosed(OfficeId, start.AddMinutes(3)),
        ];
        var delivered = events.Concat(events).ToArray();
        new Random(seed).Shuffle(delivered);
        return delivered;
    }

    private OfficeUpdated Renamed(string name, DateTimeOffset at) =>
        new(OfficeId, name, "Stadtteilbüro", "Käthe-Kollwitz-Straße 20", "37327", "Leinefelde-Worbis", "DE-TH", "Europe/Berlin", at);
}
