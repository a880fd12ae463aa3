namespace Quartier.Reporting.Reports;

/// <summary>The cell a figure falls into in the programme's tables: a field of action (null = none given) and a month.</summary>
public sealed record FieldMonth(string? FieldOfAction, int Month);
