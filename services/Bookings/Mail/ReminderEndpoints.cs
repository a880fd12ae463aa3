using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartier.Bookings.Appointments;
using Quartier.Bookings.Data;
using Quartier.Bookings.Offices;
using Quartier.ServiceDefaults.Mail;
using Quartier.ServiceDefaults.Security;

namespace Quartier.Bookings.Mail;

public sealed record ReminderSettingsRequest([property: Required, Range(0, ReminderEndpoints.LongestLeadHours)] int? HoursBefore);

/// <summary>How long before an appointment residents with an e-mail address are reminded; 0: not at all. <paramref name="OfficeDefault"/>: the office set none.</summary>
public sealed record ReminderSettingsResponse(Guid OfficeId, int HoursBefore, bool OfficeDefault);

/// <summary>An office's reminders: when residents are reminded of their appointments by e-mail.</summary>
public static class ReminderEndpoints
{
    public const int LongestLeadHours = 7 * 24;

    public static IEndpointRouteBuilder MapReminderSettings(this IEndpointRouteBuilder app)
    {
        var office = app.MapGroup("/api/bookings/offices/{officeId:guid}/reminders").WithTags("Offices");
        office.MapGet("/", Get).WithSummary("When residents are reminded of their appointments (office staff)").RequireStaff(StaffPolicies.OfficeStaff);
        office.MapPut("/", Set).WithSummary("Remind residents this many hours before their appointments, 0 for never; reminders already waiting move (office lead)")
            .RequireStaff(StaffPolicies.OfficeLead);
        return app;
    }

    private static async Task<Results<Ok<ReminderSettingsResponse>, NotFound>> Get(Guid officeId, BookingsDbContext db, IOptions<BookingsOptions> options, CancellationToken cancellationToken) =>
        await db.FindOfficeAsync(officeId, cancellationToken) is { } office
            ? TypedResults.Ok(Describe(office, options.Value))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<ReminderSettingsResponse>, NotFound>> Set(
        Guid officeId, ReminderSettingsRequest request, BookingsDbContext db, IOptions<BookingsOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var office = await db.Offices.SingleOrDefaultAsync(o => o.OfficeId == officeId && o.DescribedAt != null, cancellationToken);
        if (office is null)
        {
            return TypedResults.NotFound();
        }

        office.ReminderHoursBefore = request.HoursBefore!.Value;
        await ReplanWaitingRemindersAsync(db, office, options.Value, time.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(Describe(office, options.Value));
    }

    /// <summary>Reminders already queued follow the new lead: moved, or withdrawn when there are to be none or their time has passed.</summary>
    private static async Task ReplanWaitingRemindersAsync(BookingsDbContext db, BookableOffice office, BookingsOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var waiting = await db.Set<OutgoingMail>()
            .Where(mail => mail.Kind == BookingsMail.AppointmentReminder && mail.State == MailState.Queued)
            .Join(db.Appointments.Where(a => a.OfficeId == office.OfficeId && a.Status == AppointmentStatus.Booked), mail => mail.About, a => (Guid?)a.Id, (mail, a) => new { Mail = mail, a.StartsAt })
            .ToListAsync(cancellationToken);
        var lead = BookingsMail.ReminderLead(office, options);
        foreach (var reminder in waiting)
        {
            if (lead is { } before && reminder.StartsAt - before > now)
            {
                db.Entry(reminder.Mail).Property(m => m.NextAttemptAt).CurrentValue = reminder.StartsAt - before;
                db.Entry(reminder.Mail).Property(m => m.DueAt).CurrentValue = reminder.StartsAt - before;
            }
            else
            {
                db.Remove(reminder.Mail);
            }
        }
    }

    private static ReminderSettingsResponse Describe(BookableOffice office, BookingsOptions options) =>
        new(office.OfficeId, (int)(BookingsMail.ReminderLead(office, options) ?? TimeSpan.Zero).TotalHours, office.ReminderHoursBefore is null);
}
