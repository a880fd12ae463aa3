using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Quartier.EndToEnd.Tests.Fuzzing;

/// <summary>What the fuzzer sends: <see cref="Case"/> names the malformation, for the report.</summary>
internal sealed record FuzzRequest(
    string Case,
    ApiOperation Operation,
    HttpMethod Method,
    string Target,
    byte[]? Body,
    string? ContentType,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    bool Latin1Headers,
    bool RefusedByKestrel)
{
    public override string ToString() => $"[{Case}] {Method} {(Target.Length > 160 ? Target[..160] + "…" : Target)}";
}

/// <summary>The ids a request must carry to get past routing and authorization into the handlers.</summary>
internal sealed record FuzzTargets(Guid OfficeId, Guid ServiceId, string ManagementToken);

/// <summary>
/// Builds a plausible request for an operation from its OpenAPI schemas, then breaks one thing about
/// it: a field's type or value, the JSON itself, the content type, an id, a query value or a header.
/// </summary>
internal sealed class MalformedRequests(Random random, FuzzTargets targets)
{
    private static readonly string[] Injections =
    [
        "' OR '1'='1' --", "\"; DROP TABLE appointments; --", "<script>alert(1)</script>", "{{7*7}}", "${jndi:ldap://example.org/a}",
        "../../../../etc/passwd", "%s%s%s%n", "\\u0000", "$where: 1", "1;SELECT pg_sleep(10)",
    ];

    private static readonly string[] ControlTexts =
    [
        "Name\u0000", "\u0000", "A\u0001B", "\u001f\u007f", "\uFEFFName", "\u202Eevil", "Zeile\nZeile\r\n", "\t\v\f", "\uD83D\uDE00 Quartier", "A\uD800B", "\uDC00",
    ];

    private static readonly string[] InvalidIds =
    [
        "not-a-guid", "%00", "%FF%FE", "00000000-0000-0000-0000-000000000000", "..%2F..%2Fadmin", "-1", "2147483648", "%E2%80%AE", "null",
        "ffffffff-ffff-ffff-ffff-ffffffffffff", "%C0%AF", "'%20OR%201=1", "0x7fffffff", "1e999",
    ];

    private static readonly string[] ExtremeDates =
    [
        "0001-01-01", "9999-12-31", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.9999999Z", "0000-00-00", "2026-02-30", "2026-13-01",
        "+275760-09-13T00:00:00Z", "10000-01-01", "1970-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "2026-10-25T02:30:00", "yesterday",
    ];

    private static readonly string[] ExtremeNumbers =
    [
        "2147483647", "-2147483648", "2147483648", "9223372036854775807", "-9223372036854775809", "0", "-1", "1e400", "1.5", "NaN", "-0",
        "79228162514264337593543950336",
    ];

    private static readonly string[] ContentTypes =
    [
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "application/json; charset=latin1", "application/json; charset=utf-16",
        "application/json; charset=\"", "application/json;;;=", "application/json; charset=nope", "multipart/form-data", "*/*", "application/jsonx",
    ];

    private static readonly string[] Headers = ["Accept-Language", "If-Match", "Idempotency-Key", "X-Request-Id", "User-Agent", "Origin", "Authorization", "Accept"];

    /// <summary>A request for <paramref name="operation"/> with one thing wrong about it.</summary>
    public FuzzRequest Next(ApiOperation operation)
    {
        var draft = Draft.Plausible(operation, this);
        var hasBody = draft.Body is not null;
        var mutations = hasBody ? BodyMutations.Concat(OtherMutations).ToArray() : OtherMutations;
        var (name, mutate) = mutations[random.Next(mutations.Length)];
        mutate(this, draft);
        return draft.Build(name);
    }

    /// <summary>The operation's request as a client would send it correctly, for the interleaved checks.</summary>
    public FuzzRequest Valid(ApiOperation operation) => Draft.Plausible(operation, this).Build("valid");

    private static readonly (string, Action<MalformedRequests, Draft>)[] BodyMutations =
    [
        ("wrong JSON type", (f, d) => f.ReplaceSomewhere(d, f.WrongType)),
        ("missing field", (f, d) => f.RemoveSomewhere(d)),
        ("null field", (f, d) => f.ReplaceSomewhere(d, _ => null)),
        ("null in array", (f, d) => f.ReplaceSomewhere(d, _ => new JsonArray(null, null))),
        ("null body", (_, d) => d.RawBody = "null"u8.ToArray()),
        ("duplicate key", (f, d) => d.RawBody = f.DuplicateKey(d.Body!)),
        ("deep nesting", (f, d) => d.RawBody = f.DeepNesting(d.Body!)),
        ("huge string", (f, d) => f.ReplaceSomewhere(d, _ => new string('ä', 1_200_000))),
        ("huge body", (_, d) => d.RawBody = Encoding.UTF8.GetBytes("{\"name\":\"" + new string('x', 40_000_000) + "\"}")),
        ("control characters", (f, d) => f.ReplaceSomewhere(d, _ => f.Pick(ControlTexts))),
        ("invalid UTF-8", (f, d) => d.RawBody = f.InvalidUtf8(d.Body!)),
        ("unknown enum value", (f, d) => f.ReplaceSomewhere(d, _ => "Teleportation")),
        ("extreme date", (f, d) => f.ReplaceSomewhere(d, _ => f.Pick(ExtremeDates))),
        ("integer limit", (f, d) => f.ReplaceSomewhere(d, _ => JsonNode.Parse(f.Pick(ExtremeNumbers.Where(n => n is not "NaN").ToArray())))),
        ("injection text", (f, d) => f.ReplaceSomewhere(d, _ => f.Pick(Injections))),
        ("wrong content type", (f, d) => d.ContentType = f.Pick(ContentTypes)),
        ("no content type", (_, d) => d.ContentType = null),
        ("empty body", (_, d) => d.RawBody = []),
        ("truncated JSON", (f, d) => d.RawBody = f.Truncated(d.Body!)),
        ("JSON of another shape", (f, d) => d.RawBody = Encoding.UTF8.GetBytes(f.Pick(["[]", "\"text\"", "42", "true", "{\"\":{}}", "[{}]"]))),
    ];

    private static readonly (string, Action<MalformedRequests, Draft>)[] OtherMutations =
    [
        ("invalid id", (f, d) => f.BreakPathValue(d)),
        ("overlong target", (_, d) =>
        {
            d.Query["q"] = new string('a', 20_000);
            d.RefusedByKestrel = true;
        }),
        ("extreme query value", (f, d) => f.BreakQueryValue(d)),
        ("unknown query parameter", (f, d) => d.Query[f.Pick(["page", "pageSize", "from", "to", "$where", "officeId"])] = f.Pick(ExtremeNumbers.Concat(ExtremeDates).ToArray())),
        ("non-ASCII header", (f, d) => d.Headers.Add(new(f.Pick(Headers), f.Pick(["Grüße", "العربية", "\u00ff\u00fe", "ä\"ö", "日本語"])))),
        ("invalid header bytes", (f, d) =>
        {
            d.Headers.Add(new(f.Pick(Headers), "\u00ff\u00c3(\u00e9"));
            d.Latin1Headers = true;
        }),
        ("control character in header", (f, d) => d.Headers.Add(new(f.Pick(Headers), "a\u0001b\u007f"))),
        ("huge header", (f, d) =>
        {
            d.Headers.Add(new(f.Pick(Headers), new string('h', 70_000)));
            d.RefusedByKestrel = true;
        }),
        ("malformed header value", (f, d) => d.Headers.Add(new(f.Pick(["If-Match", "Accept-Language", "Idempotency-Key", "Authorization"]), f.Pick(["W/", "\"", "*, \"a\"", "Bearer", "Bearer a.b.c", "de;q=abc, ,,;", "--", ""])))),
    ];

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private JsonNode? WrongType(JsonNode? current) => current switch
    {
        JsonValue value when value.TryGetValue<string>(out _) => random.Next(2) == 0 ? 12345 : new JsonObject(),
        JsonValue value when value.TryGetValue<bool>(out _) => "true",
        JsonValue => "eins",
        JsonArray => new JsonObject { ["0"] = "a" },
        JsonObject => new JsonArray("a", 1),
        _ => true,
    };

    /// <summary>Every place in the body a value sits: its parent and its key (object) or index (array).</summary>
    private static List<(JsonNode Parent, string? Key, int Index)> Places(JsonNode node)
    {
        var places = new List<(JsonNode, string?, int)>();
        void Walk(JsonNode current)
        {
            switch (current)
            {
                case JsonObject obj:
                    foreach (var (key, child) in obj.ToList())
                    {
                        places.Add((obj, key, -1));
                        if (child is not null)
                        {
                            Walk(child);
                        }
                    }

                    break;
                case JsonArray array:
                    for (var index = 0; index < array.Count; index++)
                    {
                        places.Add((array, null, index));
                        if (array[index] is { } child)
                        {
                            Walk(child);
                        }
                    }

                    break;
            }
        }

        Walk(node);
        return places;
    }

    private void ReplaceSomewhere(Draft draft, Func<JsonNode?, JsonNode?> replacement)
    {
        var places = Places(draft.Body!);
        if (places.Count == 0)
        {
            draft.Body = replacement(draft.Body);
            return;
        }

        var (parent, key, index) = Pick(places);
        if (key is not null)
        {
            parent[key] = replacement(parent[key]?.DeepClone());
        }
        else
        {
            parent[index] = replacement(parent[index]?.DeepClone());
        }
    }

    private void RemoveSomewhere(Draft draft)
    {
        var places = Places(draft.Body!).Where(place => place.Key is not null).ToList();
        if (places.Count > 0)
        {
            var (parent, key, _) = Pick(places);
            ((JsonObject)parent).Remove(key!);
        }
    }

    private byte[] DuplicateKey(JsonNode body)
    {
        var text = body.ToJsonString();
        if (body is JsonObject obj && obj.FirstOrDefault() is { Key: { } key })
        {
            var replacement = random.Next(2) == 0 ? "\"duplicate\"" : "null";
            text = "{" + $"\"{key}\":{replacement}," + text[1..];
        }

        return Encoding.UTF8.GetBytes(text);
    }

    private byte[] DeepNesting(JsonNode body)
    {
        var depth = random.Next(2) == 0 ? 70 : 5_000;
        var nested = new string('[', depth) + new string(']', depth);
        var text = body is JsonObject obj && obj.FirstOrDefault() is { Key: { } key }
            ? "{" + $"\"{key}\":{nested}" + "}"
            : nested;
        return Encoding.UTF8.GetBytes(text);
    }

    private byte[] InvalidUtf8(JsonNode body)
    {
        var text = Encoding.UTF8.GetBytes(body.ToJsonString());
        var quote = Array.IndexOf(text, (byte)'"', Math.Min(text.Length - 1, 2 + random.Next(Math.Max(1, text.Length / 2))));
        var position = quote < 0 ? text.Length / 2 : quote + 1;
        byte[][] invalid = [[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0x00]];
        return [.. text[..position], .. Pick(invalid), .. text[position..]];
    }

    private byte[] Truncated(JsonNode body)
    {
        var text = Encoding.UTF8.GetBytes(body.ToJsonString());
        return text[..Math.Max(1, random.Next(text.Length))];
    }

    private void BreakPathValue(Draft draft)
    {
        if (draft.PathValues.Count == 0)
        {
            draft.Query["id"] = Pick(InvalidIds);
            return;
        }

        var name = Pick(draft.PathValues.Keys.ToList());
        var value = Pick(InvalidIds.Concat(ExtremeDates).Concat(ExtremeNumbers).Select(value => value.Replace("+", "%2B", StringComparison.Ordinal)).ToArray());
        draft.PathValues[name] = value;
        draft.RefusedByKestrel = value == "%00";
    }

    private void BreakQueryValue(Draft draft)
    {
        var names = draft.Query.Keys.ToList();
        var name = names.Count > 0 ? Pick(names) : "from";
        draft.Query[name] = Pick(ExtremeDates.Concat(ExtremeNumbers).Concat(InvalidIds).Select(Uri.EscapeDataString).Append("%00").Append("%FF").Append("a%ZZ").ToArray());
    }

    /// <summary>A request being built: plausible values first, then one of them broken.</summary>
    private sealed class Draft
    {
        public required ApiOperation Operation { get; init; }

        public Dictionary<string, string> PathValues { get; } = [];

        /// <summary>Query values, already percent-encoded (so a case can send encodings that are wrong).</summary>
        public Dictionary<string, string> Query { get; } = [];

        public JsonNode? Body { get; set; }

        public byte[]? RawBody { get; set; }

        public string? ContentType { get; set; } = "application/json";

        public List<KeyValuePair<string, string>> Headers { get; } = [];

        public bool Latin1Headers { get; set; }

        /// <summary>
        /// Kestrel refuses some requests while parsing them, before any middleware runs (an overlong target
        /// or header, a NUL in the path), with a bare status code: these may answer without problem details.
        /// </summary>
        public bool RefusedByKestrel { get; set; }

        public static Draft Plausible(ApiOperation operation, MalformedRequests requests)
        {
            var draft = new Draft { Operation = operation };
            foreach (var parameter in operation.Parameters)
            {
                var value = requests.PlausibleText(operation, parameter.Name, parameter.Schema);
                if (parameter.In == "path")
                {
                    draft.PathValues[parameter.Name] = Uri.EscapeDataString(value);
                }
                else if (parameter.In == "query")
                {
                    draft.Query[parameter.Name] = Uri.EscapeDataString(value);
                }
            }

            if (operation.BodySchema is { } schema)
            {
                draft.Body = requests.Plausible(operation, schema, "body", 0) ?? new JsonObject();
            }

            return draft;
        }

        public FuzzRequest Build(string name)
        {
            var path = Operation.PathTemplate;
            foreach (var (parameter, value) in PathValues)
            {
                path = path.Replace("{" + parameter + "}", value, StringComparison.Ordinal);
            }

            if (Query.Count > 0)
            {
                path += "?" + string.Join('&', Query.Select(pair => $"{Uri.EscapeDataString(pair.Key)}={pair.Value}"));
            }

            var body = RawBody ?? (Body is null ? null : Encoding.UTF8.GetBytes(Body.ToJsonString()));
            return new FuzzRequest(name, Operation, Operation.Method, path, body, body is null ? null : ContentType, Headers, Latin1Headers, RefusedByKestrel);
        }
    }

    private string PlausibleText(ApiOperation operation, string name, JsonObject schema) =>
        Plausible(operation, schema, name, 0) is JsonValue value
            ? value.TryGetValue<string>(out var text) ? text : value.ToJsonString()
            : "1";

    /// <summary>A value a correct client would send for <paramref name="schema"/>, guided by the field's name.</summary>
    private JsonNode? Plausible(ApiOperation operation, JsonObject schema, string name, int depth)
    {
        schema = operation.Resolve(schema);
        if (schema["enum"] is JsonArray choices && choices.FirstOrDefault(choice => choice is not null) is { } choice)
        {
            return choice.DeepClone();
        }

        if ((schema["oneOf"] ?? schema["anyOf"]) is JsonArray alternatives)
        {
            var chosen = alternatives.OfType<JsonObject>().Select(operation.Resolve).FirstOrDefault(alternative => TypeOf(alternative) != "null");
            return chosen is null ? null : Plausible(operation, chosen, name, depth);
        }

        var lower = name.ToLowerInvariant();
        switch (TypeOf(schema))
        {
            case "object" when depth < 6:
                var result = new JsonObject();
                if (schema["properties"] is JsonObject properties)
                {
                    foreach (var (property, propertySchema) in properties)
                    {
                        result[property] = Plausible(operation, (JsonObject)propertySchema!, property, depth + 1);
                    }
                }
                else if (schema["additionalProperties"] is JsonObject values)
                {
                    result["de"] = Plausible(operation, values, "text", depth + 1);
                }

                return result;
            case "array" when depth < 6:
                return new JsonArray(Plausible(operation, schema["items"] as JsonObject ?? [], lower.TrimEnd('s'), depth + 1));
            case "integer" or "number":
                return lower switch
                {
                    "year" => 2026,
                    "day" => 1,
                    "page" => 1,
                    "pagesize" => 10,
                    _ when lower.Contains("minutes", StringComparison.Ordinal) => 30,
                    _ => 2,
                };
            case "boolean":
                return random.Next(2) == 0;
            case "string":
                return PlausibleString(lower, schema["format"]?.GetValue<string>());
            default:
                return null;
        }
    }

    private string PlausibleString(string name, string? format)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return (format, name) switch
        {
            (_, "officeid") => targets.OfficeId.ToString(),
            (_, "serviceid") => targets.ServiceId.ToString(),
            (_, "token") => targets.ManagementToken,
            ("uuid", _) => Guid.NewGuid().ToString(),
            ("date-time", _) => new DateTimeOffset(today.AddDays(2).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture),
            ("date", _) or (_, "validfrom" or "date" or "from") => today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            (_, "to" or "until") => today.AddDays(4).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ("time", _) or (_, "opens" or "starts") => "09:00:00",
            (_, "closes" or "ends") => "12:00:00",
            (_, "federalstate") => "DE-TH",
            (_, "phone") => "+49 3605 555123",
            (_, "email") => "resident@example.org",
            (_, "language" or "preferredlanguage") => "de",
            (_, "postalcode") => "37327",
            (_, "fieldofaction") => "zusammenleben",
            (_, "textversion") => "2026-12-appointments",
            _ => "Quartier " + random.Next(1000).ToString(CultureInfo.InvariantCulture),
        };
    }

    private static string? TypeOf(JsonObject schema) => schema["type"] switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray types => types.Select(type => type?.GetValue<string>()).FirstOrDefault(type => type != "null") ?? "null",
        _ when schema["properties"] is not null => "object",
        _ => null,
    };
}
