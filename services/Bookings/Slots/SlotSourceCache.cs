using System.Collections.Concurrent;

namespace Quartier.Bookings.Slots;

/// <summary>
/// The service, office and schedule behind a service's slots, kept for a moment per instance. Every
/// booking and every slot search needs them, and reading them (three entities with their JSON columns)
/// cost more than the rest of a booking's reads. A change saved in this instance forgets them at once
/// (<see cref="SlotSourceInvalidation"/>); one saved by another instance is seen here within
/// <see cref="Lifetime"/>. Seats are never cached: the database decides those.
/// </summary>
public sealed class SlotSourceCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<Guid, Entry> entries = new();
    private long generation;

    /// <summary>The cached source of the service, or the one <paramref name="load"/> reads (not cached when there is none).</summary>
    public async Task<SlotSource?> GetAsync(Guid serviceId, Func<Guid, CancellationToken, Task<SlotSource?>> load, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(load);
        var now = time.GetUtcNow();
        var current = Interlocked.Read(ref generation);
        if (entries.TryGetValue(serviceId, out var entry) && entry.Generation == current && now - entry.LoadedAt < Lifetime)
        {
            return entry.Source;
        }

        // Tagged with the generation seen before reading: a change saved meanwhile makes it stale at once.
        var loaded = await load(serviceId, cancellationToken);
        if (loaded is null)
        {
            entries.TryRemove(serviceId, out _);
            return null;
        }

        entries[serviceId] = new Entry(loaded, current, now);
        return loaded;
    }

    /// <summary>Makes every cached source stale: a service, office or schedule changed.</summary>
    public void Forget() => Interlocked.Increment(ref generation);

    private sealed record Entry(SlotSource Source, long Generation, DateTimeOffset LoadedAt);
}
