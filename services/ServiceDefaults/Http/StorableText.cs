using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Quartier.ServiceDefaults.Http;

/// <summary>
/// Text a database can store: PostgreSQL refuses U+0000 in text and JSON, and half a surrogate pair is
/// not Unicode at all. Such input is the caller's 400 naming the field, refused once here for every
/// string of every body and query, before it can reach a handler, a query or a connection.
/// </summary>
public static class StorableText
{
    public static bool IsStorable(ReadOnlySpan<char> text)
    {
        if (text.Contains('\0'))
        {
            return false;
        }

        var surrogate = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (surrogate < 0)
        {
            return true;
        }

        for (var index = surrogate; index < text.Length; index++)
        {
            if (char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                index++;
            }
            else if (char.IsSurrogate(text[index]))
            {
                return false;
            }
        }

        return true;
    }

    private const string Refusal = "The text contains a character that cannot be stored (U+0000 or half of a surrogate pair).";

    /// <summary>Every string value and property name a JSON body holds.</summary>
    public sealed class Converter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : Checked(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Checked(reader.GetString()!);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

        public override bool HandleNull => false;

        private static string Checked(string value) => IsStorable(value) ? value : throw new JsonException(Refusal);
    }

    /// <summary>
    /// Query values checked like bodies; a JSON body in a charset other than UTF-8 (RFC 8259) is a 415,
    /// rather than text decoded into something else or a charset no decoder knows.
    /// </summary>
    public static IApplicationBuilder UseStorableTextOnly(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        foreach (var (name, values) in context.Request.Query)
        {
            if (!IsStorable(name) || values.Any(value => !IsStorable(value)))
            {
                await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, "The request could not be read.", $"The query parameter '{Printable(name)}': {Refusal}");
                return;
            }
        }

        if (MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var contentType)
            && (contentType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || contentType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase))
            && contentType.Charset is { HasValue: true } charset
            && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            await Problems.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, "Unsupported media type.", "JSON is read as UTF-8 only; send the body in UTF-8 (or without a charset).");
            return;
        }

        await next(context);
    });

    private static string Printable(string name) => new([.. name.Where(character => !char.IsControl(character) && !char.IsSurrogate(character))]);
}
