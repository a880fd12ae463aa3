using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Quartier.ServiceDefaults.Mail;
using Quartier.ServiceDefaults.Messaging.Outbox;
using Quartier.ServiceDefaults.Persistence;

namespace Quartier.Bookings.Appointments;

/// <summary>
/// Takes a seat, trying the seats one after another; the database decides which request gets a seat.
/// A new appointment (the hot path) is one statement that does nothing on a taken seat; a change EF
/// tracks (a move, a callback) fails with an exclusion (or unique) violation on a taken seat. Either
/// way each attempt is one transaction together with its outbox event, and the next seat is tried.
/// </summary>
public static class SeatAllocation
{
    public static async Task<bool> SaveOnFirstFreeSeatAsync(DbContext db, IEnumerable<int> seats, Action<int> takeSeat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(seats);
        ArgumentNullException.ThrowIfNull(takeSeat);

        // The row and its outbox event go to PostgreSQL as one batch, which it runs as one implicit
        // transaction: all or nothing without the extra round trip of BEGIN ... COMMIT.
        var transactions = db.Database.AutoTransactionBehavior;
        db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        try
        {
            foreach (var seat in seats)
            {
                takeSeat(seat);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return true;
                }
                catch (DbUpdateException exception) when (IsSeatTaken(exception))
                {
                    // Taken by a concurrent request between our look and our insert: try the next seat.
                }
            }

            return false;
        }
        finally
        {
            db.Database.AutoTransactionBehavior = transactions;
        }
    }

    /// <summary>
    /// Inserts a new appointment and its announcement in one statement, trying the seats one after
    /// another. A seat a concurrent request took first makes the insert do nothing (ON CONFLICT DO
    /// NOTHING on the seat constraint), and with it the event, so the next seat is tried without an
    /// error, a rolled-back transaction or an exception on every lost race. The columns are those
    /// AppointmentConfiguration maps for a new appointment; a new required column belongs here too
    /// (every booking test fails without it). Messages to the resident the context has queued are
    /// inserted by the same statement, for the booked row only.
    /// </summary>
    public static async Task<bool> InsertOnFirstFreeSeatAsync(DbContext db, Appointment appointment, OutboxMessage announcement, IEnumerable<int> seats, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(appointment);
        ArgumentNullException.ThrowIfNull(announcement);
        ArgumentNullException.ThrowIfNull(seats);
        var resident = appointment.Resident ?? throw new ArgumentException("A new appointment has the resident's contact.", nameof(appointment));
        return await db.OnConnectionAsync(async connection =>
        {
            await using var command = new NpgsqlCommand { Connection = connection };
            var seat = new NpgsqlParameter<int>();
            command.Parameters.Add(new NpgsqlParameter { Value = appointment.Id });
            command.Parameters.Add(new NpgsqlParameter { Value = appointment.OfficeId });
            command.Parameters.Add(new NpgsqlParameter { Value = appointment.ServiceId });
            command.Parameters.Add(new NpgsqlParameter { Value = appointment.Channel.ToString() });
            command.Parameters.Add(seat);
            command.Parameters.Add(new NpgsqlParameter { Value = appointment.StartsAt.ToUniversalTime() });
            command.Parameters.Add(new NpgsqlParameter { Value = appointment.EndsAt.ToUniversalTime() });
            command.Parameters.Add(new NpgsqlParameter { Value = appointment.BlockedUntil.ToUniversalTime() });
            command.Parameters.Add(new NpgsqlParameter { Value = appointment.Status.ToString() });
            command.Parameters.Add(new NpgsqlParameter { Value = appointment.FieldOfAction });
            command.Parameters.Add(new NpgsqlParameter { Value = appointment.Language });
            command.Parameters.Add(new NpgsqlParameter { Value = appointment.MessageLanguage });
            command.Parameters.Add(new NpgsqlParameter { Value = appointment.InterpreterNeeded });
            command.Parameters.Add(new NpgsqlParameter { Value = appointment.BookedAt.ToUniversalTime() });
            command.Parameters.Add(new NpgsqlParameter { Value = appointment.ManagementTokenHash });
            command.Parameters.Add(new NpgsqlParameter { Value = resident.Name });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)resident.Phone ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)resident.Email ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)resident.Topic ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = resident.ConsentTextVersion });
            command.Parameters.Add(new NpgsqlParameter { Value = resident.ConsentGivenAt.ToUniversalTime() });
            command.Parameters.Add(new NpgsqlParameter { Value = resident.ConsentLanguage });
            var mails = db.ChangeTracker.Entries<OutgoingMail>().Where(entry => entry.State == EntityState.Added).ToList();
            var mailInserts = string.Concat(mails.Select((entry, index) => $", mail{index} AS ({entry.Entity.InsertFrom("booked", command.Parameters)})"));
            command.CommandText = $"""
                WITH booked AS (
                    INSERT INTO "Appointments" ("Id", "OfficeId", "ServiceId", "Channel", "Seat", "StartsAt", "EndsAt", "BlockedUntil", "Status",
                        "FieldOfAction", "Language", "MessageLanguage", "InterpreterNeeded", "BookedAt", "ManagementTokenHash",
                        "ResidentName", "ResidentPhone", "ResidentEmail", "ResidentTopic", "ConsentTextVersion", "ConsentGivenAt", "ConsentLanguage")
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
                    ON CONFLICT DO NOTHING
                    RETURNING 1){mailInserts}
                {announcement.InsertFrom("booked", command.Parameters)}
                """;
            foreach (var free in seats)
            {
                seat.TypedValue = free;
                if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
                {
                    mails.ForEach(entry => entry.State = EntityState.Unchanged);
                    appointment.Seat = free;
                    return true;
                }
            }

            return false;
        }, cancellationToken);
    }

    /// <summary>The seats 1 to <paramref name="capacity"/> that none of <paramref name="taken"/> is.</summary>
    public static List<int> FreeSeats(int capacity, IEnumerable<int> taken) => [.. Enumerable.Range(1, capacity).Except(taken)];

    public static bool IsSeatTaken(DbUpdateException exception) =>
        exception?.InnerException is PostgresException { SqlState: PostgresErrorCodes.ExclusionViolation or PostgresErrorCodes.UniqueViolation };
}
