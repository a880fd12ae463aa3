namespace Quartier.Web;

/// <summary>Who runs this deployment, as the imprint (Impressum, § 5 DDG) names them: set per deployment under <c>Imprint</c>.</summary>
public sealed class ImprintOptions
{
    public const string Section = "Imprint";

    public string? Operator { get; set; }

    public string? Representative { get; set; }

    public string? Street { get; set; }

    public string? PostalCodeAndTown { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>Where barriers on these pages are reported (the accessibility statement's feedback route).</summary>
    public string? AccessibilityContactEmail { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Operator);
}
