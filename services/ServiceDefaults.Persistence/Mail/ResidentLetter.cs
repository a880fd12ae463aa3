using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text;
using MimeKit;

namespace Quartier.ServiceDefaults.Mail;

public sealed record MailFact(string Label, string Value);

public sealed record MailLink(string Text, Uri Address);

/// <summary>A file sent with the message, e.g. the appointment as <c>text/calendar</c>.</summary>
public sealed record MailAttachment(string FileName, string MediaType, string SubType, byte[] Content, IReadOnlyDictionary<string, string>? Parameters = null);

/// <summary>
/// What a message to a resident says, already in their language: written out as plain text and as
/// HTML (the same content, no images, no tracking) by <see cref="ToMime"/>.
/// </summary>
public sealed record ResidentLetter(
    string Language,
    string Subject,
    string Greeting,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<MailFact> Facts,
    MailLink? Link,
    string Closing,
    MailAttachment? Attachment = null,
    string? ReplyTo = null)
{
    /// <summary>Scripts written right to left, by language: a list, so services without culture data write letters too.</summary>
    private static readonly HashSet<string> RightToLeft = new(["ar", "fa", "he", "ur", "ps", "dv", "yi", "ckb"], StringComparer.OrdinalIgnoreCase);

    public MimeMessage ToMime(Guid id, string recipient, MailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var message = new MimeMessage
        {
            MessageId = $"{id:N}@{options.FromAddress.Split('@').Last()}",
            Subject = Subject,
            Date = DateTimeOffset.UtcNow,
        };
        message.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        message.To.Add(MailboxAddress.Parse(recipient));
        if (ReplyTo is not null && MailboxAddress.TryParse(ReplyTo, out var replyTo))
        {
            message.ReplyTo.Add(replyTo);
        }

        // RFC 3834: automatic replies must not answer it.
        message.Headers.Add("Auto-Submitted", "auto-generated");

        var body = new BodyBuilder { TextBody = PlainText(), HtmlBody = Html() };
        if (Attachment is { } file)
        {
            var contentType = new ContentType(file.MediaType, file.SubType) { Charset = "utf-8" };
            foreach (var (name, value) in file.Parameters ?? new Dictionary<string, string>())
            {
                contentType.Parameters.Add(name, value);
            }

            body.Attachments.Add(file.FileName, file.Content, contentType);
        }

        message.Body = body.ToMessageBody();
        message.Body.Headers.Add(HeaderId.ContentLanguage, Language);
        return message;
    }

    public string PlainText()
    {
        var text = new StringBuilder().AppendLine(Greeting).AppendLine();
        foreach (var paragraph in Paragraphs)
        {
            text.AppendLine(paragraph).AppendLine();
        }

        foreach (var fact in Facts)
        {
            text.Append(fact.Label).Append(": ").AppendLine(fact.Value);
        }

        if (Link is { } link)
        {
            text.AppendLine().AppendLine(link.Text).AppendLine(link.Address.AbsoluteUri);
        }

        return text.AppendLine().AppendLine(Closing).ToString();
    }

    public string Html()
    {
        var direction = RightToLeft.Contains(Language.Split('-')[0]) ? "rtl" : "ltr";
        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{Encode(Language)}\" dir=\"{direction}\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width\">")
            .Append(CultureInfo.InvariantCulture, $"<title>{Encode(Subject)}</title></head>")
            .Append("<body style=\"font-family:sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;background:#ffffff;max-width:40em;margin:0 auto;padding:1em\">")
            .Append(CultureInfo.InvariantCulture, $"<p>{Encode(Greeting)}</p>");
        foreach (var paragraph in Paragraphs)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(paragraph)}</p>");
        }

        if (Facts.Count > 0)
        {
            html.Append("<table role=\"presentation\" style=\"border-collapse:collapse;margin:1em 0\">");
            foreach (var fact in Facts)
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><th scope=\"row\" style=\"text-align:start;vertical-align:top;padding:0.25em 1em 0.25em 0\">{Encode(fact.Label)}</th><td style=\"padding:0.25em 0\">{Encode(fact.Value)}</td></tr>");
            }

            html.Append("</table>");
        }

        if (Link is { } link)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{Encode(link.Address.AbsoluteUri)}\" style=\"color:#0b4f9c\">{Encode(link.Text)}</a></p>");
        }

        foreach (var part in Closing.Split("\n\n"))
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(part)}</p>");
        }

        return html.Append("</body></html>").ToString();
    }

    /// <summary>Escaped for HTML, letters of every script left as they are (the message is UTF-8); a line break stays one.</summary>
    private static string Encode(string text) => Escaper.Encode(text).Replace("&#xA;", "<br>", StringComparison.Ordinal);

    private static readonly HtmlEncoder Escaper = HtmlEncoder.Create(UnicodeRanges.All);
}
