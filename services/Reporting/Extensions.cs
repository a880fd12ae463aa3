using MassTransit.Middleware;
using Quartier.Reporting.Appointments;
using Quartier.Reporting.Callbacks;
using Quartier.Reporting.Contacts;
using Quartier.Reporting.Data;
using Quartier.Reporting.EventLog;
using Quartier.Reporting.Events;
using Quartier.Reporting.Offices;
using Quartier.Reporting.OpeningHours;
using Quartier.Reporting.Reports;
using Quartier.Reporting.Volunteers;
using Quartier.ServiceDefaults.Messaging;
using Quartier.ServiceDefaults.Persistence;
using Quartier.ServiceDefaults.Security;

namespace Quartier.Reporting;

public static class Extensions
{
    public static WebApplicationBuilder AddReportingFeatures(this WebApplicationBuilder builder)
    {
        builder.AddStaffAuthentication("reporting");
        builder.AddServiceDatabase<ReportingDbContext, WebApplicationBuilder>("reportingdb");
        builder.AddMessaging(bus =>
        {
            // One partitioner for every event type on the queue: an office's events are applied one
            // at a time, so they never wait for each other's locks on the office's tallies.
            var byOffice = new Partitioner(ReportedEvents.EventsInFlight, new Murmur3UnsafeHashGenerator());
            foreach (var reported in ReportedEvents.All)
            {
                reported.AddConsumer(bus, ReportedEvents.EndpointName, byOffice);
            }
        });

        builder.Services
            .AddProjection<OfficeProjection>()
            .AddProjection<AppointmentProjection>()
            .AddProjection<CallbackProjection>()
            .AddProjection<ContactProjection>()
            .AddProjection<OpeningHoursProjection>()
            .AddProjection<EventProjection>()
            .AddProjection<VolunteerProjection>();
        return builder;
    }

    public static WebApplication MapReportingEndpoints(this WebApplication app)
    {
        app.MapReportedOffices();
        app.MapReports();
        return app;
    }

    /// <summary>Registers a projection for every event type it applies.</summary>
    private static IServiceCollection AddProjection<TProjection>(this IServiceCollection services)
        where TProjection : class
    {
        services.AddSingleton<TProjection>();
        foreach (var projection in typeof(TProjection).GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IProjection<>)))
        {
            services.AddSingleton(projection, provider => provider.GetRequiredService<TProjection>());
        }

        return services;
    }
}
