using FluentAssertions;
using Quartier.Contracts.Offices;
using Quartier.Offices.DemoData;
using Quartier.Testing;

namespace Quartier.Offices.Tests;

public sealed class DemoDataTests(PlatformInfrastructure platform)
{
    private static readonly TimeSpan VerbTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task The_demo_data_verb_loads_the_three_real_offices_once_and_their_events_reach_the_broker()
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__officesdb"] = await platform.Postgres.CreateDatabaseAsync("officesdb"),
            ["ConnectionStrings__messaging"] = platform.RabbitMq.TakeVirtualHost(),
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        await using var probe = await EventProbe.StartAsync<OfficeRegistered>(environment["ConnectionStrings__messaging"], TestContext.Current.CancellationToken);
        var verb = Path.Combine(AppContext.BaseDirectory, "Offices.dll");

        // No Offices service runs: the verb itself migrates, registers and relays, then exits.
        await ServiceProcess.RunToCompletionAsync(verb, DemoDataCommand.Verb, environment, VerbTimeout);
        await ServiceProcess.RunToCompletionAsync(verb, DemoDataCommand.Verb, environment, VerbTimeout);

        var stadthagen = await probe.WaitForAsync(e => e.OfficeId == DemoOffices.StadthagenId, TimeSpan.FromSeconds(10));
        stadthagen.Message.Name.Should().Be("Mittelpunkt Hüttenstraße");
        stadthagen.Message.ProjectArea!.Population.Should().Be(3508);
        stadthagen.Message.ProjectArea.Indicators.Should().ContainEquivalentOf(
            new { Name = "Ausländische Bewohner*innen", AreaValue = 44m, TownValue = 24m, Unit = "%", Source = "Stadt Stadthagen", AsOf = new DateOnly(2016, 12, 31) });
        await probe.WaitForAsync(e => e.OfficeId == DemoOffices.SalzgitterId, TimeSpan.FromSeconds(10));
        var leinefelde = await probe.WaitForAsync(e => e.OfficeId == DemoOffices.LeinefeldeId, TimeSpan.FromSeconds(10));
        leinefelde.Message.Street.Should().Be("Käthe-Kollwitz-Straße 20");
        leinefelde.Message.FieldsOfAction.Should().HaveCount(9);

        await using var offices = new ServiceFactory<Program>(new Dictionary<string, string>
        {
            ["ConnectionStrings:officesdb"] = environment["ConnectionStrings__officesdb"],
            ["ConnectionStrings:messaging"] = environment["ConnectionStrings__messaging"],
        });
        using var client = offices.CreateStaffClient();
        var all = await client.ListAsync("?pageSize=10");
        all.Total.Should().Be(3, "the second run adds nothing");
        probe.Received.Should().HaveCount(3);
        (await client.ListAsync("?town=Stadthagen")).Items.Should().ContainSingle()
            .Which.Partners.Should().ContainSingle(p => p.Operates).Which.Name.Should().Contain("Arbeiterwohlfahrt");
    }
}
