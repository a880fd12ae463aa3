using FluentAssertions;
using Quartier.Offices.Data;
using Quartier.Offices.Data.CompiledModel;
using Quartier.Testing;

namespace Quartier.Offices.Tests;

public sealed class CompiledModelTests(OfficesServiceFixture offices) : IClassFixture<OfficesServiceFixture>
{
    [Fact]
    public void The_service_runs_on_its_compiled_model_and_that_matches_the_entity_configurations() =>
        CompiledModelCheck.Differences<OfficesDbContext, OfficesDbContextModel>(offices.Service.Services)
            .Should().BeEmpty("services/optimize-model.sh Offices regenerates the compiled model after a change to the entity configurations");
}
