using System.Data;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Quartier.Reporting.Data;
using Quartier.ServiceDefaults.Security;

namespace Quartier.Reporting.Reports;

public static class ReportEndpoints
{
    /// <summary>
    /// A report as JSON or CSV. All of its figures and its freshness come from one snapshot of the
    /// database, so they agree with each other even while events keep arriving.
    /// </summary>
    public static RouteHandlerBuilder MapReport<TReport>(
        this IEndpointRouteBuilder group,
        string pattern,
        Func<ReportContext, ReportHeader, Task<TReport>> build,
        PeriodKind? onlyPeriod = null,
        bool projectAreaRequired = false)
        where TReport : ITabularReport
    {
        var name = pattern.TrimStart('/');
        return group.MapGet(pattern, async Task<Results<Ok<TReport>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> (
                [AsParameters] ReportRequest request, ClaimsPrincipal user, ReportingDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken) =>
            {
                var now = time.GetUtcNow();
                request = onlyPeriod is null ? request : request with { Period = request.Period ?? onlyPeriod.ToString() };
                if (!request.TryReadPeriod(BerlinTime.DateOf(now), out var period, out var errors)
                    || (onlyPeriod is not null && period.Kind != onlyPeriod && errors.TryAdd("period", [$"This report is made per {onlyPeriod}."]))
                    || (projectAreaRequired && request.ProjectArea is null && errors.TryAdd("projectArea", ["Name the project area."])))
                {
                    return TypedResults.ValidationProblem(errors);
                }

                await using var snapshot = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
                var scope = await ReportScope.ResolveAsync(request, db, cancellationToken);
                if (!scope.IsVisibleTo(user))
                {
                    return StaffEndpoints.OtherOffice();
                }

                var header = new ReportHeader(name, scope, period, await Freshness.ReadAsync(db, cancellationToken), now);
                var report = await build(new ReportContext(db, scope, period, now, cancellationToken), header);
                await snapshot.CommitAsync(cancellationToken);

                return request.WantsCsv(http.Request)
                    ? TypedResults.File(CsvWriter.Write(report.ToCsv(), request.DecimalComma), "text/csv; charset=utf-8", $"{name}-{period.From:yyyy-MM-dd}.csv")
                    : TypedResults.Ok(report);
            })
            .WithName($"{name}-report")
            .RequireStaff(StaffPolicies.Coordinator)
            .ProducesValidationProblem();
    }
}
