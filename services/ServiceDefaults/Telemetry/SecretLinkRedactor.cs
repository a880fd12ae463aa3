using System.Diagnostics;
using System.Text.RegularExpressions;
using OpenTelemetry;

namespace Quartier.ServiceDefaults.Telemetry;

/// <summary>
/// A management link is a resident's key to their booking — in the APIs <c>.../manage/{token}</c>, on
/// the pages <c>/appointment/{token}</c>, <c>/callback/{token}</c>, <c>/registration/{token}</c>, <c>/volunteer/{token}</c>: the
/// token must not reach the dashboard through the URL tags that ASP.NET Core, HttpClient and the proxy
/// record, nor through the paths in log messages.
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
            if (value is string text && SecretSegment().IsMatch(text))
            {
                data.SetTag(key, Redact(text));
            }
        }
    }

    public static string Redact(string text) => SecretSegment().Replace(text, "$1" + Placeholder);

    [GeneratedRegex("(/manage/|/appointment/|/callback/|/registration/|/volunteer/)[^/?#{}]+", RegexOptions.CultureInvariant)]
    private static partial Regex SecretSegment();
}
