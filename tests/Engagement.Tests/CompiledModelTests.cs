using FluentAssertions;
using Quartier.Engagement.Data;
using Quartier.Engagement.Data.CompiledModel;
using Quartier.Testing;

namespace Quartier.Engagement.Tests;

public sealed class CompiledModelTests(PlatformInfrastructure platform)
{
    [Fact]
    public async Task The_service_runs_on_its_compiled_model_and_that_matches_the_entity_configurations()
    {
        await using var host = await EngagementHost.StartAsync(platform);

        CompiledModelCheck.Differences<EngagementDbContext, EngagementDbContextModel>(host.Service.Services)
            .Should().BeEmpty("services/optimize-model.sh Engagement regenerates the compiled model after a change to the entity configurations");
    }
}
