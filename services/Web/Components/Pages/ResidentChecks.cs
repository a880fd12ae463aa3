namespace Quartier.Web.Components.Pages;

/// <summary>What the resident forms check before asking a service: properties named as on the forms, reasons as text keys.</summary>
public static class ResidentChecks
{
    /// <summary>A name of two letters at least, a phone number or an e-mail address, the consent.</summary>
    public static IEnumerable<(string Property, string TextKey)> NameReachAndConsent(string? name, string? phone, string? email, bool consent)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length < 2)
        {
            yield return ("Name", "Invalid_name");
        }

        if (string.IsNullOrWhiteSpace(phone) && string.IsNullOrWhiteSpace(email))
        {
            yield return ("Phone", "PhoneOrEmailMissing");
        }

        if (!consent)
        {
            yield return ("Consent", "Invalid_consent");
        }
    }
}
