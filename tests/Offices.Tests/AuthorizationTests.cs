using FluentAssertions;
using Quartier.Testing;

namespace Quartier.Offices.Tests;

/// <summary>The directory is public; adding, changing and closing offices are not.</summary>
public sealed class AuthorizationTests(OfficesServiceFixture offices) : IClassFixture<OfficesServiceFixture>
{
    [Fact]
    public void Every_endpoint_is_public_or_protected_by_a_named_policy()
    {
        EndpointChoices.WithoutChoice(offices.Service.Services).Should().BeEmpty();
        EndpointChoices.Protected(offices.Service.Services).Should().Contain(e => e.Method == "POST" && e.Pattern == "/api/offices/" && e.Policy == "administrator");
        EndpointChoices.Public(offices.Service.Services).Should().Contain("GET /api/offices/");
    }

    [Fact]
    public async Task Without_a_valid_token_every_protected_endpoint_answers_401_problem_details()
    {
        using var anonymous = offices.Service.CreateClient();
        (await AuthorizationChecks.NotUnauthorizedAsync(anonymous, offices.Service.Services, StaffClient.Audience)).Should().BeEmpty();
    }

    [Fact]
    public async Task Staff_of_one_office_get_nothing_of_another()
    {
        using var anonymous = offices.Service.CreateClient();
        (await AuthorizationChecks.LetThroughToAnotherOfficeAsync(anonymous, offices.Service.Services, StaffClient.Audience)).Should().BeEmpty();
    }
}
