using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quartier.ServiceDefaults.Http;

namespace Quartier.ServiceDefaults.Persistence;

/// <summary>A lost race for a row is a 409; a database that is down, restarting or timing out a 503.</summary>
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
        _ when IsOutage(exception) => ProblemDetailsExceptionHandler.DependencyOutage(),
        _ => null,
    };

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
