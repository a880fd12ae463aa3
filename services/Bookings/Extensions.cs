using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartier.Bookings.AppointmentServices;
using Quartier.Bookings.Appointments;
using Quartier.Bookings.Callbacks;
using Quartier.Bookings.Contacts;
using Quartier.Bookings.Data;
using Quartier.Bookings.Diagnostics;
using Quartier.Bookings.Holidays;
using Quartier.Bookings.Mail;
using Quartier.Bookings.Offices;
using Quartier.Bookings.OpeningHours;
using Quartier.Bookings.Privacy;
using Quartier.Bookings.Slots;
using Quartier.ServiceDefaults.Hosting;
using Quartier.ServiceDefaults.Mail;
using Quartier.ServiceDefaults.Messaging;
using Quartier.ServiceDefaults.Persistence;
using Quartier.ServiceDefaults.Privacy;
using Quartier.ServiceDefaults.Security;

namespace Quartier.Bookings;

public static class Extensions
{
    public static WebApplicationBuilder AddBookingsFeatures(this WebApplicationBuilder builder)
    {
        // Called here, not in ServiceDefaults: the validation source generator describes the request
        // types of the project in which AddValidation is called.
        builder.Services.AddValidation();
        builder.AddStaffAuthentication("bookings");
        builder.AddServiceDatabase<BookingsDbContext, WebApplicationBuilder>("bookingsdb");
        builder.AddResidentMail<BookingsDbContext, WebApplicationBuilder>();
        builder.AddMessaging(bus =>
        {
            bus.AddConsumer<OfficeRegisteredConsumer>();
            bus.AddConsumer<OfficeUpdatedConsumer>();
            bus.AddConsumer<OfficeClosedConsumer>();
        });

        builder.Services.Configure<BookingsOptions>(builder.Configuration.GetSection(BookingsOptions.Section));
        builder.Services.AddSingleton<BookingsMetrics>();
        builder.Services.AddScoped<OpeningHoursAnnouncer>();
        builder.Services.AddScoped<ScheduleEditor>();
        builder.Services.AddSingleton<SlotSourceCache>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IInterceptor, SlotSourceInvalidation>());
        builder.Services.AddScoped<SlotFinder>();
        builder.Services.AddScoped<AppointmentBooking>();
        builder.Services.AddScoped<BookingsMail>();
        builder.Services.AddScoped<CallbackWindowFinder>();
        builder.Services.AddScheduledJob<OverdueCallbacks>(services => services.GetRequiredService<IOptions<BookingsOptions>>().Value.OverdueCheckInterval);
        builder.Services.AddScheduledJob<OpeningHoursHorizon>(services => services.GetRequiredService<IOptions<BookingsOptions>>().Value.HorizonCheckInterval);
        builder.Services.AddScheduledJob<PersonalDataPurge>(services => services.GetRequiredService<IOptions<BookingsOptions>>().Value.PersonalDataPurgeInterval);
        return builder;
    }

    public static WebApplication MapBookingsEndpoints(this WebApplication app)
    {
        app.MapBookableOffices();
        app.MapPublicHolidays();
        app.MapOpeningHours();
        app.MapAppointmentServices();
        app.MapSlots();
        app.MapAppointments();
        app.MapStaffAppointments();
        app.MapCallbacks();
        app.MapAnonymousContacts();
        app.MapResidentsOwnData();
        app.MapReminderSettings();
        Consents.Texts.Map(app, "/api/bookings", Consents.Purpose);
        app.MapOfficeRetention<BookingsDbContext, BookableOffice>("/api/bookings/offices", RetentionKind.Appointments, RetentionKind.Callbacks);
        return app;
    }
}
