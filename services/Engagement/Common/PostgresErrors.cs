using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Quartier.Engagement.Common;

public static class PostgresErrors
{
    /// <summary>The database refused the change because of a unique key or exclusion constraint.</summary>
    public static bool IsConflict(DbUpdateException exception, string constraint) =>
        exception.InnerException is PostgresException
        {
            SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ExclusionViolation,
        } postgres && postgres.ConstraintName == constraint;
}
