namespace Quartier.Reporting.Reports;

/// <summary>How the tallies kept by the database store a value the event did not give (a key column cannot be null).</summary>
public static class TallyValue
{
    public const string Unknown = "";

    public static string? OrNull(string value) => value == Unknown ? null : value;
}
