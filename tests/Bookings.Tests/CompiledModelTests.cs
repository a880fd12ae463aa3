using Quartier.Bookings.Data;
using Quartier.Bookings.Data.CompiledModel;
using Quartier.Bookings.Tests.Support;
using Quartier.Testing;

namespace Quartier.Bookings.Tests;

public sealed class CompiledModelTests(PlatformInfrastructure platform)
{
    [Fact]
    public async Task The_service_runs_on_its_compiled_model_and_that_matches_the_entity_configurations()
    {
        await using var host = await BookingsHost.StartAsync(platform);

        CompiledModelCheck.Differences<BookingsDbContext, BookingsDbContextModel>(host.Services)
            .Should().BeEmpty("services/optimize-model.sh Bookings regenerates the compiled model after a change to the entity configurations");
    }
}
