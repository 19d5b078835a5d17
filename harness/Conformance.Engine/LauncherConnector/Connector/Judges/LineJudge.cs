using Conformance.Engine.Running;
using Conformance.Protocols.LauncherConnector;
using Conformance.Protocols.Lines;

namespace Conformance.Engine.LauncherConnector.Connector.Judges;

/// <summary>Judges the form of each line: LC-C02 (UTF-8 JSON object, LF, length), LC-C03 (BOM, CR), LC-C04 (schema), LC-C14 (message length).</summary>
internal static class LineJudge
{
    /// <summary>LC-C02: valid UTF-8, ended by LF, at most <paramref name="limitBytes"/>.</summary>
    public static IEnumerable<Violation> Framing(IReadOnlyList<ReceivedLine> lines, long limitBytes)
    {
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var received in lines)
        {
            var line = received.Line;
            if (line.Has(LineDefect.InvalidUtf8))
            {
                yield return new Violation("LC-C02", "every line is valid UTF-8", $"line {line.Number} has an invalid byte at offset {line.InvalidUtf8Offset}: {line.Excerpt(120)}");
            }

            if (line.Has(LineDefect.TooLong) || line.Length > limitBytes)
            {
                yield return new Violation("LC-C02", $"every line is at most {limitBytes} bytes", $"line {line.Number} is {line.Length} bytes");
            }

            if (line.Has(LineDefect.Unterminated))
            {
                yield return new Violation("LC-C02", "every line ends with LF", $"line {line.Number} was cut off by the end of the stream after {line.Length} bytes: {line.Excerpt(120)}");
            }
        }
    }

    /// <summary>LC-C02: each line that is text is exactly one JSON object.</summary>
    public static IEnumerable<Violation> OneJsonObject(IReadOnlyList<ReceivedLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var received in lines.Where(received => received.Parsed is { Error: EventParseError.InvalidJson or EventParseError.NotAnObject }))
        {
            yield return new Violation("LC-C02", "each line is one JSON object", $"line {received.Line.Number} is {received.Parsed!.Reason}: {received.Line.Excerpt(120)}");
        }
    }

    /// <summary>LC-C03: no BOM at the start of the stream.</summary>
    public static IEnumerable<Violation> NoByteOrderMark(IReadOnlyList<ReceivedLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count > 0 && lines[0].Line.Has(LineDefect.ByteOrderMark))
        {
            yield return new Violation("LC-C03", "the stream starts without a byte-order mark", "the first line starts with EF BB BF");
        }
    }

    /// <summary>LC-C03: no CR before LF.</summary>
    public static IEnumerable<Violation> NoCarriageReturn(IReadOnlyList<ReceivedLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var withCr = lines.Where(received => received.Line.Has(LineDefect.CarriageReturn)).Select(received => received.Line.Number).ToList();
        if (withCr.Count > 0)
        {
            yield return new Violation("LC-C03", "lines end with LF alone", $"lines {string.Join(", ", withCr)} end with CR LF");
        }
    }

    /// <summary>LC-C04: every JSON object satisfies the CustomConnectorEvent schema (what is not one is LC-C02's).</summary>
    public static IEnumerable<Violation> Schema(IReadOnlyList<ReceivedLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var received in lines.Where(received => received.SchemaIssues.Count > 0
            && received.Parsed is not null and not { Error: EventParseError.InvalidJson or EventParseError.NotAnObject }))
        {
            yield return new Violation("LC-C04", "every message satisfies the CustomConnectorEvent schema",
                $"line {received.Line.Number} {received.Line.Excerpt(120)}: {string.Join("; ", received.SchemaIssues)}");
        }
    }

    /// <summary>LC-C14: Custom and RemoteConnectionFailure messages have 1 to <paramref name="maxCharacters"/> characters.</summary>
    public static IEnumerable<Violation> MessageLength(IReadOnlyList<ReceivedLine> lines, int maxCharacters)
    {
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var received in lines)
        {
            if (received.Event is not { EventType: CustomConnectorEventType.Custom or CustomConnectorEventType.RemoteConnectionFailure } connectorEvent)
            {
                continue;
            }

            var length = new System.Globalization.StringInfo(connectorEvent.Message).LengthInTextElements;
            if (length == 0 || length > maxCharacters)
            {
                yield return new Violation("LC-C14", $"{connectorEvent.EventType} messages have 1 to {maxCharacters} characters",
                    $"line {received.Line.Number}'s message has {length} characters");
            }
        }
    }
}
