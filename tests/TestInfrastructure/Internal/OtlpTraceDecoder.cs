using System.Globalization;
using System.Text;

namespace Quartier.Testing.Internal;

/// <summary>
/// Decodes an OTLP <c>ExportTraceServiceRequest</c> into flat spans. Field numbers are those of
/// opentelemetry/proto/trace/v1/trace.proto and common/v1/common.proto; every other field is skipped.
/// </summary>
internal static class OtlpTraceDecoder
{
    public static List<ReceivedSpan> Decode(ReadOnlySpan<byte> request)
    {
        var spans = new List<ReceivedSpan>();
        var reader = new ProtobufReader(request);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            if (field == 1 && wireType == WireType.LengthDelimited)
            {
                spans.AddRange(DecodeResourceSpans(reader.ReadLengthDelimited()));
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return spans;
    }

    private static List<ReceivedSpan> DecodeResourceSpans(ReadOnlySpan<byte> message)
    {
        // The resource may come after its spans on the wire, so the service name is applied at the end.
        var serviceName = string.Empty;
        var spans = new List<ReceivedSpan>();
        var reader = new ProtobufReader(message);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            switch (field, wireType)
            {
                case (1, WireType.LengthDelimited):
                    serviceName = DecodeResourceAttributes(reader.ReadLengthDelimited()).GetValueOrDefault("service.name", serviceName);
                    break;
                case (2, WireType.LengthDelimited):
                    spans.AddRange(DecodeScopeSpans(reader.ReadLengthDelimited()));
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return spans.ConvertAll(span => span with { ServiceName = serviceName });
    }

    private static Dictionary<string, string> DecodeResourceAttributes(ReadOnlySpan<byte> resource)
    {
        var attributes = new Dictionary<string, string>();
        var reader = new ProtobufReader(resource);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            if (field == 1 && wireType == WireType.LengthDelimited)
            {
                AddKeyValue(attributes, reader.ReadLengthDelimited());
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return attributes;
    }

    private static List<ReceivedSpan> DecodeScopeSpans(ReadOnlySpan<byte> message)
    {
        var scope = string.Empty;
        var spans = new List<ReceivedSpan>();
        var reader = new ProtobufReader(message);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            switch (field, wireType)
            {
                case (1, WireType.LengthDelimited):
                    scope = DecodeScopeName(reader.ReadLengthDelimited());
                    break;
                case (2, WireType.LengthDelimited):
                    spans.Add(DecodeSpan(reader.ReadLengthDelimited()));
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return spans.ConvertAll(span => span with { Scope = scope });
    }

    private static string DecodeScopeName(ReadOnlySpan<byte> instrumentationScope)
    {
        var name = string.Empty;
        var reader = new ProtobufReader(instrumentationScope);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            if (field == 1 && wireType == WireType.LengthDelimited)
            {
                name = Encoding.UTF8.GetString(reader.ReadLengthDelimited());
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return name;
    }

    private static ReceivedSpan DecodeSpan(ReadOnlySpan<byte> message)
    {
        string traceId = string.Empty, spanId = string.Empty, name = string.Empty;
        string? parentSpanId = null;
        var kind = 0;
        var attributes = new Dictionary<string, string>();
        var reader = new ProtobufReader(message);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            switch (field, wireType)
            {
                case (1, WireType.LengthDelimited):
                    traceId = Convert.ToHexStringLower(reader.ReadLengthDelimited());
                    break;
                case (2, WireType.LengthDelimited):
                    spanId = Convert.ToHexStringLower(reader.ReadLengthDelimited());
                    break;
                case (4, WireType.LengthDelimited):
                    var parent = reader.ReadLengthDelimited();
                    parentSpanId = parent.IsEmpty ? null : Convert.ToHexStringLower(parent);
                    break;
                case (5, WireType.LengthDelimited):
                    name = Encoding.UTF8.GetString(reader.ReadLengthDelimited());
                    break;
                case (6, WireType.Varint):
                    kind = (int)reader.ReadVarint();
                    break;
                case (9, WireType.LengthDelimited):
                    AddKeyValue(attributes, reader.ReadLengthDelimited());
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return new ReceivedSpan(string.Empty, string.Empty, traceId, spanId, parentSpanId, name, kind, attributes);
    }

    /// <summary>KeyValue{1: key, 2: AnyValue}.</summary>
    private static void AddKeyValue(Dictionary<string, string> attributes, ReadOnlySpan<byte> keyValue)
    {
        string? key = null, value = null;
        var reader = new ProtobufReader(keyValue);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            switch (field, wireType)
            {
                case (1, WireType.LengthDelimited):
                    key = Encoding.UTF8.GetString(reader.ReadLengthDelimited());
                    break;
                case (2, WireType.LengthDelimited):
                    value = DecodeAnyValue(reader.ReadLengthDelimited());
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        if (key is not null && value is not null)
        {
            attributes[key] = value;
        }
    }

    /// <summary>AnyValue as text: scalars invariantly, arrays comma-separated, key-value lists not at all.</summary>
    private static string? DecodeAnyValue(ReadOnlySpan<byte> anyValue)
    {
        string? value = null;
        var reader = new ProtobufReader(anyValue);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            switch (field, wireType)
            {
                case (1, WireType.LengthDelimited):
                    value = Encoding.UTF8.GetString(reader.ReadLengthDelimited());
                    break;
                case (2, WireType.Varint):
                    value = reader.ReadVarint() != 0 ? "true" : "false";
                    break;
                case (3, WireType.Varint):
                    value = ((long)reader.ReadVarint()).ToString(CultureInfo.InvariantCulture);
                    break;
                case (4, WireType.Fixed64):
                    value = BitConverter.Int64BitsToDouble((long)reader.ReadFixed64()).ToString(CultureInfo.InvariantCulture);
                    break;
                case (5, WireType.LengthDelimited):
                    value = DecodeArrayValue(reader.ReadLengthDelimited());
                    break;
                case (7, WireType.LengthDelimited):
                    value = Convert.ToHexStringLower(reader.ReadLengthDelimited());
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return value;
    }

    /// <summary>ArrayValue{1: repeated AnyValue}.</summary>
    private static string DecodeArrayValue(ReadOnlySpan<byte> arrayValue)
    {
        var values = new List<string>();
        var reader = new ProtobufReader(arrayValue);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            if (field == 1 && wireType == WireType.LengthDelimited)
            {
                if (DecodeAnyValue(reader.ReadLengthDelimited()) is { } value)
                {
                    values.Add(value);
                }
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return string.Join(',', values);
    }
}
