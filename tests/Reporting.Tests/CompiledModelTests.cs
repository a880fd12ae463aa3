using FluentAssertions;
using Quartier.Reporting.Data;
using Quartier.Reporting.Data.CompiledModel;
using Quartier.Testing;

namespace Quartier.Reporting.Tests;

public sealed class CompiledModelTests(PlatformInfrastructure platform)
{
    [Fact]
    public async Task The_service_runs_on_its_compiled_model_and_that_matches_the_entity_configurations()
    {
        await using var reporting = await ServiceFactory.StartAsync<Program>(platform, "reporting");

        CompiledModelCheck.Differences<ReportingDbContext, ReportingDbContextModel>(reporting.Services)
            .Should().BeEmpty("services/optimize-model.sh Reporting regenerates the compiled model after a change to the entity configurations");
    }
}
