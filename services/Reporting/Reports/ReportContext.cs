using Quartier.Reporting.Data;

namespace Quartier.Reporting.Reports;

/// <summary>Everything a report is computed from: one consistent snapshot of the read models.</summary>
public sealed record ReportContext(ReportingDbContext Db, ReportScope Scope, ReportPeriod Period, DateTimeOffset Now, CancellationToken CancellationToken)
{
    public DateOnly From => Period.From;

    public DateOnly To => Period.To;

    public IQueryable<TRow> InScope<TRow>(IQueryable<TRow> rows) where TRow : class, IOfficeRow => Scope.Filter(rows);
}
