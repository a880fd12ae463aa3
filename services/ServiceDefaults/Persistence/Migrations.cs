using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Quartier.ServiceDefaults.Persistence;

/// <summary>A database whose EF Core migrations the service applies.</summary>
public interface IMigratable
{
    Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken);
}

internal sealed class Migratable<TContext> : IMigratable where TContext : DbContext
{
    public async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TContext>().Database.MigrateAsync(cancellationToken);
    }
}

public static partial class MigrationRunner
{
    public const string MigrateVerb = "migrate";

    /// <summary>
    /// <c>migrate</c> applies the migrations and exits (what a Kubernetes job runs);
    /// otherwise the service runs, applying migrations first in Development.
    /// </summary>
    public static async Task RunServiceAsync(this WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (args is [MigrateVerb, ..])
        {
            await app.MigrateDatabasesAsync();
            return;
        }

        if (app.Environment.IsDevelopment())
        {
            await app.MigrateDatabasesAsync();
        }

        await app.RunAsync();
    }

    public static async Task MigrateDatabasesAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MigrationRunner));
        foreach (var database in app.Services.GetServices<IMigratable>())
        {
            await database.MigrateAsync(app.Services, app.Lifetime.ApplicationStopping);
        }

        LogMigrated(logger, app.Environment.ApplicationName);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrations of {Service} are applied")]
    private static partial void LogMigrated(ILogger logger, string service);
}
