using Conformance.Engine.PipeMessaging.Wire;
using Conformance.Engine.Running;
using Conformance.Protocols.Framing;
using Conformance.Protocols.PipeMessaging;

namespace Conformance.Engine.PipeMessaging.Certification.Judges;

/// <summary>What every judge needs: a violation in words, times as a report says them, and the frame rules on what a party sent.</summary>
internal static class Verdicts
{
    public static Violation Violation(string requirement, string expected, string actual) => new(requirement, expected, actual);

    /// <summary>"1.234 s", or "never".</summary>
    public static string Seconds(TimeSpan? span) => span is { } value ? $"{value.TotalSeconds:0.000} s" : "never";

    /// <summary>"at 1.234 s after X", for a timing measured from X.</summary>
    public static string After(TimeSpan? at, TimeSpan? from, string what) =>
        at is { } a && from is { } f ? $"{(a - f).TotalSeconds:0.000} s after {what}" : at is null ? "never" : $"at {Seconds(at)}, with no {what} to measure from";

    /// <summary>The messages <paramref name="peer"/> received, as a report lists them.</summary>
    public static string Describe(FramePeer? peer) =>
        peer is null ? "no connection" : peer.Received.Count == 0 ? "nothing" : string.Join(", ", peer.Received.Select(entry => entry.Message is { } message ? $"{Name(message)} at {Seconds(entry.At)}" : $"a bad frame at {Seconds(entry.At)}"));

    public static string Name(PipeMessage message) => Reference.PipeMessaging.Payloads.Describe(message);

    /// <summary>
    /// PM-F01, F02, F03 and F06 on what the party under test sent over <paramref name="peers"/>: whole frames with a
    /// length that fits, never zero, each a valid message of the reference schema.
    /// </summary>
    public static IEnumerable<Violation> FramesSent(IEnumerable<FramePeer> peers, string party, string requirement)
    {
        foreach (var peer in peers)
        {
            foreach (var entry in peer.Entries)
            {
                switch (entry)
                {
                    case { Kind: WireKind.Fault, Error: FrameError.TopBitSet } when requirement == "PM-F02":
                        yield return Violation(requirement, $"no length above 2,147,483,647 from the {party}", $"{peer.Name}: {entry.Detail}");
                        break;
                    case { Kind: WireKind.Fault, Error: FrameError.ZeroLength } when requirement == "PM-F06":
                        yield return Violation(requirement, $"no zero-length frame from the {party}", $"{peer.Name}: {entry.Detail}");
                        break;
                    case { Kind: WireKind.Fault, Error: FrameError.EndInHeader or FrameError.EndInPayload or FrameError.OverLimit } when requirement == "PM-F01":
                        yield return Violation(requirement, $"whole frames from the {party}, each as long as its header says", $"{peer.Name}: {entry.Detail}");
                        break;
                    case { Kind: WireKind.Received, Check.IsValid: false } when requirement == "PM-F03":
                        yield return Violation(requirement, $"every payload from the {party} a UTF-8 JSON or XML message valid against the reference schema",
                            $"{peer.Name}, frame {entry.Frame}: {string.Join("; ", entry.Check!.Problems)}");
                        break;
                    default:
                        break;
                }
            }
        }
    }
}
