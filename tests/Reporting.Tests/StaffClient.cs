using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartier.Reporting.Data;
using Quartier.Testing;

namespace Quartier.Reporting.Tests;

/// <summary>The tests' default caller: staff of every office the service knows (see <see cref="EveryOfficeStaff"/>).</summary>
public static class StaffClient
{
    public const string Audience = "reporting";

    public static HttpClient CreateStaffClient(this WebApplicationFactory<Program> factory) =>
        factory.CreateStaffClient(Audience, KnownOfficesAsync);

    private static async Task<IReadOnlyCollection<Guid>> KnownOfficesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReportingDbContext>().Offices.Select(office => office.OfficeId).ToListAsync();
    }
}
