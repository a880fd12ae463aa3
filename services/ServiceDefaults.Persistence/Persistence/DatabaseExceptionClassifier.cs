using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quartier.ServiceDefaults.Http;

namespace Quartier.ServiceDefaults.Persistence;

/// <summary>
/// A lost race for a row is a 409; a value the database cannot hold that slipped past the request's
/// checks a 400; a database that is down, restarting or timing out a 503.
/// </summary>
public sealed class DatabaseExceptionClassifier : IExceptionClassifier
{
    public ProblemDetails? Classify(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Someone else changed this at the same time.",
            Detail = "Load the current version and apply your change again.",
        },
        _ when IsUnstorableValue(exception) => new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "A value cannot be stored.",
            Detail = "A value in the request is outside what can be stored (a character or a number or date out of range). Nothing was changed.",
        },
        _ when IsOutage(exception) => ProblemDetailsExceptionHandler.DependencyOutage(),
        _ => null,
    };

    private static bool IsUnstorableValue(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter
                    or PostgresErrorCodes.NumericValueOutOfRange or PostgresErrorCodes.DatetimeFieldOverflow })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The database is down, restarting or unreachable, as opposed to a bug in the request.</summary>
    public static bool IsOutage(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is NpgsqlException { IsTransient: true }
                or PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.CrashShutdown })
            {
                return true;
            }
        }

        return HttpExceptionClassifier.IsNetworkFailure(exception);
    }
}
