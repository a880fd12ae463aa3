using Microsoft.EntityFrameworkCore;
using Quartier.Bookings.AppointmentServices;
using Quartier.Bookings.Callbacks;
using Quartier.Bookings.Data;
using Quartier.Bookings.Offices;
using Quartier.Bookings.OpeningHours;
using Quartier.Contracts.Bookings;
using Quartier.Contracts.Offices;
using Quartier.ServiceDefaults;

namespace Quartier.Bookings.DemoData;

/// <summary>
/// <c>dotnet Bookings.dll demo-data</c>: what the Stadtteilbüro Südstadt in Leinefelde-Worbis offers in
/// its own words (the source documents): opening hours Mon 11–14, Tue 15–18, Wed 8–11, Thu 15–18;
/// appointments by arrangement, also by phone or video; its contact form's preferred callback time.
/// Waits until Bookings knows the office (the offices' demo-data verb registers it), sets each part only
/// where the office has none yet, and leaves the announcements in the outbox for the running service.
/// </summary>
public static partial class DemoBookings
{
    public const string Verb = "demo-data";

    private static readonly TimeSpan ArrivalTimeout = TimeSpan.FromMinutes(2);

    private static readonly WeeklyPlan LeinefeldeWeek = new(new DateOnly(2024, 1, 1),
    [
        new WeeklyInterval(DayOfWeek.Monday, new(11, 0), new(14, 0)),
        new WeeklyInterval(DayOfWeek.Tuesday, new(15, 0), new(18, 0)),
        new WeeklyInterval(DayOfWeek.Wednesday, new(8, 0), new(11, 0)),
        new WeeklyInterval(DayOfWeek.Thursday, new(15, 0), new(18, 0)),
    ]);

    public static async Task LoadDemoBookingsAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoBookings));
        var cancellationToken = app.Lifetime.ApplicationStopping;
        await app.MigrateDatabasesAsync();
        var deadline = DateTime.UtcNow + ArrivalTimeout;
        while (true)
        {
            await using var scope = app.Services.CreateAsyncScope();
            if (await LoadAsync(scope.ServiceProvider, cancellationToken) is { } loaded)
            {
                LogLoaded(logger, loaded);
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                LogOfficeMissing(logger, ArrivalTimeout.TotalSeconds);
                Environment.ExitCode = 1;
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    /// <summary>What was set up (nothing when it all was already), or null while Bookings does not know the office yet.</summary>
    public static async Task<string?> LoadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var db = services.GetRequiredService<BookingsDbContext>();
        var office = await db.FindOfficeAsync(DemoOfficeIds.Leinefelde, cancellationToken);
        if (office is null)
        {
            return null;
        }

        var done = new List<string>();
        var schedule = await db.Schedules.AsNoTracking().SingleOrDefaultAsync(s => s.OfficeId == office.OfficeId, cancellationToken);
        if (schedule is null || schedule.Plans.Count == 0)
        {
            await services.GetRequiredService<ScheduleEditor>().EditAsync(office.OfficeId, edited => edited.Plans = [LeinefeldeWeek], cancellationToken);
            done.Add("opening hours");
        }

        if (!await db.AppointmentServices.AnyAsync(s => s.OfficeId == office.OfficeId, cancellationToken))
        {
            db.AppointmentServices.Add(new AppointmentService
            {
                Id = Guid.CreateVersion7(services.GetRequiredService<TimeProvider>().GetUtcNow()),
                OfficeId = office.OfficeId,
                Names = new Dictionary<string, string>
                {
                    ["de"] = "Beratung nach Absprache",
                    ["en"] = "Advice by appointment",
                    ["ar"] = "استشارة بموعد",
                    ["ru"] = "Консультация по записи",
                    ["uk"] = "Консультація за записом",
                    ["tr"] = "Randevulu danışmanlık",
                    ["fa"] = "مشاوره با وقت قبلی",
                },
                DurationMinutes = 30,
                Channels = [AppointmentChannel.InPerson, AppointmentChannel.Phone, AppointmentChannel.Video],
                FieldOfAction = "zusammenleben",
                Capacity = 1,
                MinimumNoticeMinutes = 60,
                BookingHorizonDays = 28,
            });
            await db.SaveChangesAsync(cancellationToken);

            // The office's parallel capacity changed: reporting computes offered capacity from it.
            await services.GetRequiredService<OpeningHoursAnnouncer>().AnnounceAsync(office, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            done.Add("an appointment service in person, by phone and by video");
        }

        if (!await db.CallbackSettings.AnyAsync(s => s.OfficeId == office.OfficeId, cancellationToken))
        {
            db.CallbackSettings.Add(new CallbackSettings { OfficeId = office.OfficeId, WindowMinutes = 60, CapacityPerWindow = 2, MinimumNoticeMinutes = 60, HorizonDays = 14 });
            await db.SaveChangesAsync(cancellationToken);
            done.Add("callback windows");
        }

        return done.Count == 0 ? "nothing (all there already)" : string.Join(", ", done);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: Stadtteilbüro Südstadt set up with {Loaded}")]
    private static partial void LogLoaded(ILogger logger, string loaded);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo data: Bookings did not learn of the Stadtteilbüro Südstadt within {Seconds} s; run the offices' demo-data first")]
    private static partial void LogOfficeMissing(ILogger logger, double seconds);
}
