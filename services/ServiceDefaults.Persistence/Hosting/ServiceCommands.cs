using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartier.ServiceDefaults.Mail;
using Quartier.ServiceDefaults.Messaging;
using Quartier.ServiceDefaults.Messaging.ErrorQueues;

namespace Quartier.ServiceDefaults;

/// <summary>A database whose EF Core migrations the service applies.</summary>
public interface IMigratable
{
    Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken);
}

internal sealed class Migratable<TContext> : IMigratable where TContext : DbContext
{
    public async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        // EF Core finalizes the migrations' model snapshot lazily and not thread-safely; hosts started
        // side by side in one process (tests, several contexts) must not migrate at the same moment.
        await MigrationGate.OneAtATime.WaitAsync(cancellationToken);
        try
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TContext>().Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            MigrationGate.OneAtATime.Release();
        }
    }
}

internal static class MigrationGate
{
    public static readonly SemaphoreSlim OneAtATime = new(1, 1);
}

/// <summary>
/// What a service does when started: run (the default), or one of the operators' verbs —
/// <c>migrate</c> applies the database migrations and exits (what a Kubernetes job runs);
/// <c>errors ...</c> lists, shows and requeues messages in the service's error queues; <c>mail ...</c>
/// (services that write to residents) lists and requeues set-aside e-mail.
/// </summary>
public static partial class ServiceCommands
{
    public const string MigrateVerb = "migrate";

    public static async Task RunServiceAsync(this WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        switch (args)
        {
            case [MigrateVerb, ..]:
                await app.MigrateDatabasesAsync();
                return;
            case [MailCommand<DbContext>.Verb, .. var mailArgs] when app.Services.GetService<IMailCommand>() is { } mail:
                Environment.ExitCode = await mail.RunAsync(mailArgs, Console.Out, app.Lifetime.ApplicationStopping);
                return;
            case [ErrorQueueCommand.Verb, .. var rest]:
                Environment.ExitCode = await new ErrorQueueCommand(
                    new Uri(app.Configuration.GetConnectionString(MessagingExtensions.ConnectionName)!),
                    app.Services.GetRequiredService<ServiceQueues>(),
                    Console.Out).RunAsync(rest, app.Lifetime.ApplicationStopping);
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
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ServiceCommands));
        foreach (var database in app.Services.GetServices<IMigratable>())
        {
            await database.MigrateAsync(app.Services, app.Lifetime.ApplicationStopping);
        }

        LogMigrated(logger, app.Environment.ApplicationName);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrations of {Service} are applied")]
    private static partial void LogMigrated(ILogger logger, string service);
}
