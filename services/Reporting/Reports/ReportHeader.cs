namespace Quartier.Reporting.Reports;

/// <summary>What every report states first: whose figures, for which period, complete up to which event.</summary>
public sealed record ReportHeader(string Report, ReportScope Scope, ReportPeriod Period, Freshness CompleteUpTo, DateTimeOffset GeneratedAt);
