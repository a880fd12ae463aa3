using System.Globalization;
using System.Runtime.InteropServices;

namespace Quartier.ServiceDefaults.Hosting;

/// <summary>
/// Gives memory back to the system when a process turns quiet after work (start-up included), so an idle
/// pod holds what it uses rather than what its last busy minute left behind. Nothing else returns it: the
/// GC releases free regions only as it collects, and an idle process hardly collects; glibc keeps the
/// native memory the runtime and the JIT freed after start-up. Under load it never runs.
/// A singleton job: it remembers from one round to the next how much the process had allocated.
/// </summary>
public sealed class IdleMemoryTrim : IScheduledJob
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Allocations within one round below which the process counts as quiet: its own upkeep (outbox relay,
    /// scheduled jobs, health probes) allocates about 0.2 MiB in a round, twenty requests about 4 MiB.
    /// </summary>
    private const long QuietAllocationBytes = 512 * 1024;

    private const double Mebibyte = 1024 * 1024;

    private readonly QuietAfterWork quietAfterWork = new(QuietAllocationBytes);

    public Task<string?> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (!quietAfterWork.Observe(GC.GetTotalAllocatedBytes()))
        {
            return Task.FromResult<string?>(null);
        }

        var residentBefore = Environment.WorkingSet;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        NativeHeap.Trim();
        return Task.FromResult<string?>(string.Create(
            CultureInfo.InvariantCulture,
            $"quiet after work; memory given back, resident {residentBefore / Mebibyte:0.0} → {Environment.WorkingSet / Mebibyte:0.0} MiB"));
    }

    /// <summary>glibc's malloc_trim; where there is none (musl, say) the native heap stays as it is.</summary>
    private static class NativeHeap
    {
        private static bool unavailable;

        public static void Trim()
        {
            if (unavailable || !OperatingSystem.IsLinux())
            {
                return;
            }

            try
            {
                _ = MallocTrim(0);
            }
            catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
            {
                unavailable = true;
            }
        }

        [DllImport("libc", EntryPoint = "malloc_trim")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        private static extern int MallocTrim(nuint pad);
    }
}

/// <summary>
/// Tells from a process's growing allocation total, read once a round, when it has just turned quiet
/// after work: true for the first quiet round after one or more busy ones, and never twice in a row.
/// The process counts as busy before the first reading: start-up is work.
/// </summary>
public sealed class QuietAfterWork(long quietBytesPerRound)
{
    private long allocatedBefore;
    private bool workedSinceQuiet = true;

    public bool Observe(long allocatedTotal)
    {
        var allocatedThisRound = allocatedTotal - allocatedBefore;
        allocatedBefore = allocatedTotal;
        if (allocatedThisRound >= quietBytesPerRound)
        {
            workedSinceQuiet = true;
            return false;
        }

        var turnedQuiet = workedSinceQuiet;
        workedSinceQuiet = false;
        return turnedQuiet;
    }
}
