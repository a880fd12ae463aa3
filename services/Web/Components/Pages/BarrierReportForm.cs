using Quartier.Web.Api;

namespace Quartier.Web.Components.Pages;

/// <summary>Reporting a barrier to an office: which office, where, what, and optionally how to answer.</summary>
public sealed class BarrierReportForm
{
    public const int MessageLength = 2000;
    public const int WhereLength = 200;

    public Guid? Office { get; set; }

    public string? Where { get; set; }

    public string? Message { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public IEnumerable<(string Property, string TextKey)> Check()
    {
        if (Office is null)
        {
            yield return (nameof(Office), "Invalid_office");
        }

        if (string.IsNullOrWhiteSpace(Message) || Message.Trim().Length < 3 || Message.Length > MessageLength)
        {
            yield return (nameof(Message), "Invalid_message");
        }

        if (Where?.Length > WhereLength)
        {
            yield return (nameof(Where), "Invalid_where");
        }
    }

    public BarrierReport ToRequest() => new(
        Message?.Trim(), Blank(Where), Blank(Email), Blank(Phone), Languages.Current.Culture);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
