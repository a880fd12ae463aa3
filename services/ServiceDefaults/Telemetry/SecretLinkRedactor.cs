using System.Diagnostics;
using System.Text.RegularExpressions;
using OpenTelemetry;

namespace Quartier.ServiceDefaults.Telemetry;

/// <summary>
/// A management link (<c>.../manage/{token}</c>) is a resident's key to their booking: the token must
/// not reach the dashboard through the URL tags that ASP.NET Core, HttpClient and the proxy record.
/// </summary>
public sealed partial class SecretLinkRedactor : BaseProcessor<Activity>
{
    public const string Placeholder = "{token}";

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.DisplayName = Redact(data.DisplayName);
        foreach (var (key, value) in data.TagObjects.ToList())
        {
            if (value is string text && ManageSegment().IsMatch(text))
            {
                data.SetTag(key, Redact(text));
            }
        }
    }

    public static string Redact(string text) => ManageSegment().Replace(text, "$1" + Placeholder);

    [GeneratedRegex("(/manage/)[^/?#{}]+", RegexOptions.CultureInvariant)]
    private static partial Regex ManageSegment();
}
