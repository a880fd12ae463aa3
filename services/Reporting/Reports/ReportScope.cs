using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Quartier.Reporting.Data;
using System.Security.Claims;
using Quartier.ServiceDefaults.Security;

namespace Quartier.Reporting.Reports;

/// <summary>A row of a read model that belongs to one office.</summary>
public interface IOfficeRow
{
    Guid OfficeId { get; }
}

/// <summary>Whose figures a report holds: one office, the offices of a project area, or all (<see cref="OfficeIds"/> null).</summary>
public sealed record ReportScope(Guid? OfficeId, string? ProjectArea, [property: JsonIgnore] IReadOnlyList<Guid>? OfficeIds)
{
    public static async Task<ReportScope> ResolveAsync(ReportRequest request, ReportingDbContext db, CancellationToken cancellationToken)
    {
        if (request.OfficeId is { } officeId)
        {
            return new ReportScope(officeId, null, [officeId]);
        }

        if (request.ProjectArea is { } area)
        {
            var offices = await db.Offices.AsNoTracking().Where(o => o.ProjectArea == area).Select(o => o.OfficeId).ToListAsync(cancellationToken);
            return new ReportScope(null, area, offices);
        }

        return new ReportScope(null, null, null);
    }

    /// <summary>Every office of the scope is one the person reports on; all offices at once are for administrators.</summary>
    public bool IsVisibleTo(ClaimsPrincipal user) =>
        OfficeIds is null ? user.IsAdministrator() : OfficeIds.All(user.ReportsOn);

    public IQueryable<TRow> Filter<TRow>(IQueryable<TRow> rows) where TRow : class, IOfficeRow =>
        OfficeIds switch
        {
            null => rows,
            [var single] => rows.Where(row => row.OfficeId == single),
            var many => rows.Where(row => many.Contains(row.OfficeId)),
        };
}
