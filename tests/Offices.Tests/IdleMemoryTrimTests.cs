using FluentAssertions;
using Quartier.ServiceDefaults.Hosting;

namespace Quartier.Offices.Tests;

/// <summary>
/// When a service gives memory back: once each time it turns quiet after work, never while it serves
/// (a full compacting collection would pause requests). The figures are the startup benchmark's.
/// </summary>
public sealed class IdleMemoryTrimTests
{
    private const long Quiet = 1024 * 1024;
    private const long Upkeep = 200 * 1024;

    [Fact]
    public void A_service_that_turns_quiet_after_start_up_gives_memory_back_once()
    {
        var quietAfterWork = new QuietAfterWork(Quiet);
        var allocated = 60 * Quiet;

        quietAfterWork.Observe(allocated).Should().BeFalse("start-up allocated 60 MiB in the first round");
        quietAfterWork.Observe(allocated += Upkeep).Should().BeTrue();
        quietAfterWork.Observe(allocated += Upkeep).Should().BeFalse("nothing has been used since");
        quietAfterWork.Observe(allocated + Upkeep).Should().BeFalse();
    }

    [Fact]
    public void A_busy_service_is_left_alone_until_the_work_stops()
    {
        var quietAfterWork = new QuietAfterWork(Quiet);
        var allocated = 0L;

        for (var busyRound = 0; busyRound < 10; busyRound++)
        {
            quietAfterWork.Observe(allocated += 4 * Quiet).Should().BeFalse("round {0} served requests", busyRound);
        }

        quietAfterWork.Observe(allocated += Upkeep).Should().BeTrue();
        quietAfterWork.Observe(allocated += 3 * Quiet).Should().BeFalse();
        quietAfterWork.Observe(allocated + Upkeep).Should().BeTrue("work came and went again");
    }
}
