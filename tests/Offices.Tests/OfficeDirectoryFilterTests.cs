using FluentAssertions;
using Quartier.Offices.Directory;
using Quartier.Testing;

namespace Quartier.Offices.Tests;

/// <summary>A directory of five known offices (one closed), so that each filter's answer can be stated exactly.</summary>
public sealed class DirectoryFixture(PlatformInfrastructure platform) : OfficesServiceFixture(platform)
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var salzgitter = OfficeApi.Salzgitter();
        await Client.RegisterAsync(salzgitter with { Name = "Koordinierungsbüro Berliner Straße", Languages = ["de", "ar"], FieldsOfAction = ["bildung", "zusammenleben"] });
        await Client.RegisterAsync(salzgitter with { Name = "Start.Punkt.SZ", Kind = "Treffpunkt", Languages = ["de", "ru"], FieldsOfAction = ["beschaeftigung"] });
        await Client.RegisterAsync(salzgitter with
        {
            Name = "Mittelpunkt Hüttenstraße", Kind = "Treffpunkt", Street = "Hüttenstraße", PostalCode = "31655", Town = "Stadthagen",
            Languages = ["de", "tr", "ar"], FieldsOfAction = ["image", "soziale-infrastruktur", "zusammenleben"],
        });
        await Client.RegisterAsync(salzgitter with
        {
            Name = "Stadtteilbüro Südstadt", Kind = "Stadtteilbüro", Street = "Käthe-Kollwitz-Straße 20", PostalCode = "37327",
            Town = "Leinefelde-Worbis", FederalState = "DE-TH", Languages = ["de"], FieldsOfAction = ["wohnen", "stadtteilkultur"],
        });
        var (closed, _) = await Client.RegisterAsync(salzgitter with { Name = "Altes Büro 100%_sicher", Languages = ["de", "ar"], FieldsOfAction = ["zusammenleben"] });
        using var close = await Client.CloseAsync(closed.Id);
        close.EnsureSuccessStatusCode();
    }
}

public sealed class OfficeDirectoryFilterTests(DirectoryFixture directory) : IClassFixture<DirectoryFixture>
{
    public static TheoryData<string, string[]> Filters => new()
    {
        { "", ["Koordinierungsbüro Berliner Straße", "Mittelpunkt Hüttenstraße", "Stadtteilbüro Südstadt", "Start.Punkt.SZ"] },
        { "?town=Salzgitter", ["Koordinierungsbüro Berliner Straße", "Start.Punkt.SZ"] },
        { "?town=stadthagen", ["Mittelpunkt Hüttenstraße"] },
        { "?town=Stadt", [] },
        { "?town=Salz%25", [] },
        { "?language=ar", ["Koordinierungsbüro Berliner Straße", "Mittelpunkt Hüttenstraße"] },
        { "?language=RU", ["Start.Punkt.SZ"] },
        { "?language=uk", [] },
        { "?fieldOfAction=zusammenleben", ["Koordinierungsbüro Berliner Straße", "Mittelpunkt Hüttenstraße"] },
        { "?fieldOfAction=wohnen", ["Stadtteilbüro Südstadt"] },
        { "?q=hütten", ["Mittelpunkt Hüttenstraße"] },
        { "?q=treffpunkt", ["Mittelpunkt Hüttenstraße", "Start.Punkt.SZ"] },
        { "?q=leinefelde", ["Stadtteilbüro Südstadt"] },
        { "?q=%25", [] },
        { "?q=_", [] },
        { "?town=Salzgitter&language=ru", ["Start.Punkt.SZ"] },
        { "?language=ar&fieldOfAction=image&q=mittel", ["Mittelpunkt Hüttenstraße"] },
        { "?includeClosed=true&q=100%25_", ["Altes Büro 100%_sicher"] },
        { "?includeClosed=true&language=ar", ["Altes Büro 100%_sicher", "Koordinierungsbüro Berliner Straße", "Mittelpunkt Hüttenstraße"] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Each_filter_narrows_the_list_to_the_matching_offices_by_name(string query, string[] expected)
    {
        var page = await directory.Client.ListAsync(query);

        page.Items.Select(office => office.Name).Should().Equal(expected);
        page.Total.Should().Be(expected.Length);
    }

    [Fact]
    public async Task Pages_split_the_matches_and_report_the_total()
    {
        var first = await directory.Client.ListAsync("?pageSize=3&page=1");
        var second = await directory.Client.ListAsync("?pageSize=3&page=2");
        var beyond = await directory.Client.ListAsync("?pageSize=3&page=3");
        var farBeyond = await directory.Client.ListAsync($"?pageSize=100&page={int.MaxValue}");

        first.Total.Should().Be(4);
        second.Total.Should().Be(4);
        first.Items.Should().HaveCount(3);
        second.Items.Should().ContainSingle().Which.Name.Should().Be("Start.Punkt.SZ");
        beyond.Items.Should().BeEmpty();
        farBeyond.Items.Should().BeEmpty("the last possible page lies far past the end, without an overflow");
        farBeyond.Total.Should().Be(4);
        first.Items.Concat(second.Items).Select(office => office.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Paging_counts_only_what_the_filter_matches()
    {
        var page = await directory.Client.ListAsync("?town=Salzgitter&pageSize=1&page=2");

        page.Total.Should().Be(2);
        page.PageSize.Should().Be(1);
        page.Items.Should().ContainSingle().Which.Name.Should().Be("Start.Punkt.SZ");
    }

    [Fact]
    public async Task Out_of_range_paging_is_clamped_rather_than_refused()
    {
        var page = await directory.Client.ListAsync($"?pageSize={OfficeLimits.MaxPageSize + 500}&page=0");

        page.Page.Should().Be(1);
        page.PageSize.Should().Be(OfficeLimits.MaxPageSize);
        page.Items.Should().HaveCount(4);
    }
}
