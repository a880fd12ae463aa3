using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Quartier.Bookings.Appointments;

/// <summary>
/// Saves a change that takes a seat, trying the seats one after another. The database decides: a
/// seat a concurrent request took first fails with an exclusion (or unique) violation, and the next
/// seat is tried. Each attempt is one transaction together with its outbox event.
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

    /// <summary>The seats 1 to <paramref name="capacity"/> that none of <paramref name="taken"/> is.</summary>
    public static List<int> FreeSeats(int capacity, IEnumerable<int> taken) => [.. Enumerable.Range(1, capacity).Except(taken)];

    public static bool IsSeatTaken(DbUpdateException exception) =>
        exception?.InnerException is PostgresException { SqlState: PostgresErrorCodes.ExclusionViolation or PostgresErrorCodes.UniqueViolation };
}
