using Google.Protobuf;

namespace MicroInternships.EndToEnd.Tests.Telemetry;

/// <summary>
/// Reads an OTLP <c>ExportTraceServiceRequest</c> (opentelemetry/proto/collector/trace/v1) with protobuf's wire
/// reader: only the fields a trace assertion needs, everything else skipped.
/// </summary>
public static class OtlpTraceDecoder
{
    public static List<CollectedSpan> Decode(byte[] request)
    {
        var spans = new List<CollectedSpan>();
        foreach (var resourceSpans in Repeated(request, field: 1))
        {
            var service = "";
            var scopes = new List<byte[]>();
            ForEachField(resourceSpans, (number, type, input) =>
            {
                switch (number)
                {
                    case 1:
                        service = Attributes(Repeated(input.ReadBytes().ToByteArray(), field: 1)).GetValueOrDefault("service.name", "");
                        break;
                    case 2:
                        scopes.Add(input.ReadBytes().ToByteArray());
                        break;
                    default:
                        input.SkipLastField();
                        break;
                }
            });

            foreach (var scopeSpans in scopes)
            {
                spans.AddRange(ScopeSpans(service, scopeSpans));
            }
        }

        return spans;
    }

    private static IEnumerable<CollectedSpan> ScopeSpans(string service, byte[] scopeSpans)
    {
        var scope = "";
        var spans = new List<byte[]>();
        ForEachField(scopeSpans, (number, type, input) =>
        {
            switch (number)
            {
                case 1:
                    scope = Strings(input.ReadBytes().ToByteArray()).GetValueOrDefault(1, "");
                    break;
                case 2:
                    spans.Add(input.ReadBytes().ToByteArray());
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        });
        return spans.Select(span => Span(service, scope, span));
    }

    private static CollectedSpan Span(string service, string scope, byte[] span)
    {
        string traceId = "", spanId = "", parentSpanId = "", name = "";
        var kind = SpanKind.Unspecified;
        var attributes = new List<byte[]>();
        var links = new List<(string, string)>();
        ForEachField(span, (number, type, input) =>
        {
            switch (number)
            {
                case 1: traceId = Hex(input.ReadBytes()); break;
                case 2: spanId = Hex(input.ReadBytes()); break;
                case 4: parentSpanId = Hex(input.ReadBytes()); break;
                case 5: name = input.ReadString(); break;
                case 6: kind = (SpanKind)input.ReadEnum(); break;
                case 9: attributes.Add(input.ReadBytes().ToByteArray()); break;
                case 13: links.Add(Link(input.ReadBytes().ToByteArray())); break;
                default: input.SkipLastField(); break;
            }
        });
        return new CollectedSpan(service, scope, traceId, spanId, parentSpanId, name, kind, Attributes(attributes), links);
    }

    private static (string TraceId, string SpanId) Link(byte[] link)
    {
        string traceId = "", spanId = "";
        ForEachField(link, (number, type, input) =>
        {
            switch (number)
            {
                case 1: traceId = Hex(input.ReadBytes()); break;
                case 2: spanId = Hex(input.ReadBytes()); break;
                default: input.SkipLastField(); break;
            }
        });
        return (traceId, spanId);
    }

    /// <summary>KeyValue messages whose value is a string (AnyValue field 1); other value kinds are left out.</summary>
    private static Dictionary<string, string> Attributes(IEnumerable<byte[]> keyValues)
    {
        var attributes = new Dictionary<string, string>();
        foreach (var keyValue in keyValues)
        {
            var fields = Strings(keyValue);
            var value = Repeated(keyValue, field: 2).Select(any => Strings(any).GetValueOrDefault(1)).FirstOrDefault();
            if (fields.TryGetValue(1, out var key) && value is not null)
            {
                attributes[key] = value;
            }
        }

        return attributes;
    }

    private static Dictionary<int, string> Strings(byte[] message)
    {
        var strings = new Dictionary<int, string>();
        ForEachField(message, (number, type, input) =>
        {
            if (type == WireFormat.WireType.LengthDelimited)
            {
                strings[number] = input.ReadBytes().ToStringUtf8();
            }
            else
            {
                input.SkipLastField();
            }
        });
        return strings;
    }

    private static List<byte[]> Repeated(byte[] message, int field)
    {
        var values = new List<byte[]>();
        ForEachField(message, (number, type, input) =>
        {
            if (number == field && type == WireFormat.WireType.LengthDelimited)
            {
                values.Add(input.ReadBytes().ToByteArray());
            }
            else
            {
                input.SkipLastField();
            }
        });
        return values;
    }

    private static void ForEachField(byte[] message, Action<int, WireFormat.WireType, CodedInputStream> read)
    {
        var input = new CodedInputStream(message);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            read(WireFormat.GetTagFieldNumber(tag), WireFormat.GetTagWireType(tag), input);
        }
    }

    private static string Hex(ByteString bytes) => Convert.ToHexStringLower(bytes.Span);
}
