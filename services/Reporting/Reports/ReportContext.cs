using Quartier.Reporting.Data;

namespace Quartier.Reporting.Reports;

/// <summary>Everything a report is computed from: one consistent snapshot of the read models.</summary>
public sealed record ReportContext(ReportingDbContext Db, ReportScope Scope, ReportPeriod Period, DateTimeOffset Now, CancellationToken CancellationToken)
{
    public DateOnly From => Period.From;

    public DateOnly To => Period.To;

    /// <summary>Month, quarter and year cover whole months: their figures are the sums of the monthly tallies.</summary>
    public bool WholeMonths => Period.Kind != PeriodKind.Day;

    public IQueryable<TRow> InScope<TRow>(IQueryable<TRow> rows) where TRow : class, IOfficeRow => Scope.Filter(rows);
}
