using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Quartier.ServiceDefaults.Hosting;

namespace Quartier.ServiceDefaults.Mail;

public static class MailExtensions
{
    /// <summary>
    /// E-mail to residents from <typeparamref name="TContext"/>'s database: <see cref="ResidentMail"/> to
    /// queue messages with a change, the sender, its meters, the retention job and the <c>mail</c> verb.
    /// </summary>
    public static TBuilder AddResidentMail<TContext, TBuilder>(this TBuilder builder)
        where TContext : DbContext
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.Configure<MailOptions>(builder.Configuration.GetSection(MailOptions.Section));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<ResidentMail>();
        builder.Services.TryAddSingleton<MailMetrics>();
        builder.Services.AddSingleton<MailSender<TContext>>();
        builder.Services.AddHostedService(services => services.GetRequiredService<MailSender<TContext>>());
        builder.Services.AddScheduledJob<MailHousekeeping<TContext>>(_ => MailHousekeeping<TContext>.Interval);
        builder.Services.AddSingleton<IMailCommand, MailCommand<TContext>>();
        return builder;
    }

    /// <summary>The queue of messages to residents, in the service's own database.</summary>
    public static ModelBuilder AddMailTables(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<OutgoingMail>(mail =>
        {
            mail.ToTable(OutgoingMail.Table);
            mail.HasKey(m => m.Id);
            mail.Property(m => m.Kind).HasMaxLength(60);
            mail.Property(m => m.Language).HasMaxLength(20);
            mail.Property(m => m.Recipient).HasMaxLength(254);
            mail.Property(m => m.State).HasConversion<string>().HasMaxLength(20);
            mail.Property(m => m.LastError).HasMaxLength(500);
            // The sender looks only for what waits; withdrawals look by what a message is about.
            mail.HasIndex(m => m.NextAttemptAt).HasFilter("\"State\" = 'Queued'").HasDatabaseName("IX_OutgoingMails_Queued");
            mail.HasIndex(m => m.About);
            mail.HasIndex(m => m.DoneAt);
        });
        return modelBuilder;
    }
}
