using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Quartier.Bookings.Data;
using Quartier.Bookings.Offices;
using Quartier.Bookings.OpeningHours;
using Quartier.Contracts.Bookings;
using Quartier.ServiceDefaults.Messaging.Outbox;
using Quartier.ServiceDefaults.Security;

namespace Quartier.Bookings.Contacts;

/// <summary>Walk-ins and phone contacts without an appointment, counted with one tap and reported per field of action; nothing about the resident is stored.</summary>
public static class ContactEndpoints
{
    public static IEndpointRouteBuilder MapAnonymousContacts(this IEndpointRouteBuilder app)
    {
        var contacts = app.MapGroup("/api/bookings/offices/{officeId:guid}/contacts").WithTags("Contacts").RequireStaff(StaffPolicies.OfficeStaff);
        contacts.MapPost("/", Count).WithName("CountContact")
            .WithSummary("Count one walk-in or phone contact, optionally in a field of action (office staff)")
            .ProducesValidationProblem();
        contacts.MapGet("/", Day).WithName("ContactDay")
            .WithSummary("The office's counted contacts on a local date, by kind and field of action (office staff)");
        contacts.MapDelete("/{contactId:guid}", Withdraw).WithName("WithdrawContact")
            .WithSummary("Take back a contact counted by mistake, on the day it was counted (office staff)")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    private static async Task<Results<Created<CountedContact>, NotFound>> Count(
        Guid officeId, CountContactRequest request, BookingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await db.FindOfficeAsync(officeId, cancellationToken) is not { } office)
        {
            return TypedResults.NotFound();
        }

        var now = time.GetUtcNow();
        var contact = new AnonymousContact
        {
            Id = Guid.CreateVersion7(), OfficeId = officeId, Kind = request.Kind!.Value, FieldOfAction = request.FieldOfAction,
            CountedAt = now, Date = OfficeTime.LocalDate(now, office.Zone()),
        };
        db.AnonymousContacts.Add(contact);
        db.AddIntegrationEvent(new AnonymousContactCounted(contact.Id, officeId, contact.Kind, contact.FieldOfAction, now), time);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(
            $"/api/bookings/offices/{officeId}/contacts/{contact.Id}",
            new CountedContact(contact.Id, contact.Kind, contact.FieldOfAction, OfficeTime.InOfficeTime(now, office.Zone()), contact.Date));
    }

    private static async Task<Results<Ok<ContactDay>, NotFound>> Day(
        Guid officeId, DateOnly? date, BookingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await db.FindOfficeAsync(officeId, cancellationToken) is not { } office)
        {
            return TypedResults.NotFound();
        }

        var day = date ?? OfficeTime.LocalDate(time.GetUtcNow(), office.Zone());
        var counts = await db.AnonymousContacts.AsNoTracking()
            .Where(c => c.OfficeId == officeId && c.Date == day)
            .GroupBy(c => new { c.Kind, c.FieldOfAction })
            .Select(g => new ContactCount(g.Key.Kind, g.Key.FieldOfAction, g.Count()))
            .ToListAsync(cancellationToken);
        counts.Sort((a, b) => (a.Kind, a.FieldOfAction ?? string.Empty).CompareTo((b.Kind, b.FieldOfAction ?? string.Empty)));
        return TypedResults.Ok(new ContactDay(
            day,
            counts.Where(c => c.Kind == ContactKind.WalkIn).Sum(c => c.Count),
            counts.Where(c => c.Kind == ContactKind.Phone).Sum(c => c.Count),
            counts));
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Withdraw(
        Guid officeId, Guid contactId, BookingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var office = await db.FindOfficeAsync(officeId, cancellationToken);
        var contact = await db.AnonymousContacts.SingleOrDefaultAsync(c => c.Id == contactId && c.OfficeId == officeId, cancellationToken);
        if (office is null || contact is null)
        {
            return TypedResults.NotFound();
        }

        var now = time.GetUtcNow();
        if (contact.Date != OfficeTime.LocalDate(now, office.Zone()))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Only today's contacts can be taken back.",
                detail: $"This contact was counted on {contact.Date:yyyy-MM-dd}; earlier days are already reported.");
        }

        db.AnonymousContacts.Remove(contact);
        db.AddIntegrationEvent(new AnonymousContactWithdrawn(contact.Id, officeId, now), time);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
