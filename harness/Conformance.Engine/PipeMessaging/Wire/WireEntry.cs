using System.Text.Json.Nodes;
using Conformance.Protocols.Framing;
using Conformance.Protocols.PipeMessaging;

namespace Conformance.Engine.PipeMessaging.Wire;

/// <summary>What the harness's end of one connection saw or did.</summary>
internal enum WireKind
{
    /// <summary>A whole frame arrived.</summary>
    Received,

    /// <summary>The harness sent a message.</summary>
    Sent,

    /// <summary>The harness sent bytes that are not one whole message (a hostile frame, a part of one).</summary>
    SentBytes,

    /// <summary>What arrived broke the framing (PM-F02, PM-F05, PM-F06); reading stopped.</summary>
    Fault,

    /// <summary>The other side ended the stream between frames.</summary>
    PeerClosed,

    /// <summary>The harness closed its end.</summary>
    Closed,
}

/// <summary>One thing on one connection, timed from the start of what is being recorded.</summary>
/// <param name="At">When it happened.</param>
/// <param name="Kind">What it was.</param>
/// <param name="Frame">The frame's number on the connection, counted per direction.</param>
/// <param name="Message">The message sent or received, when it was one.</param>
/// <param name="Check">For a received frame: how its payload was judged.</param>
/// <param name="Detail">In words: the fault, the bytes sent, the form.</param>
/// <param name="Error">For a fault: what broke.</param>
internal sealed record WireEntry(TimeSpan At, WireKind Kind, long Frame = 0, PipeMessage? Message = null, PayloadCheck? Check = null, string? Detail = null, FrameError? Error = null)
{
    /// <summary>The form the message went in, for a received one.</summary>
    public PayloadKind? Form => Check?.Kind;

    /// <summary>The entry as a transcript would show it.</summary>
    public JsonObject ToJson(string connection)
    {
        var json = new JsonObject { ["connection"] = connection };
        if (Message is not null)
        {
            json["message"] = JsonNode.Parse(PipeMessageCodec.ToJson(Message));
        }

        if (Check is { Kind: { } kind })
        {
            json["form"] = kind.ToString();
        }

        if (Check is { Problems.Count: > 0 } check)
        {
            json["problems"] = new JsonArray(check.Problems.Select(problem => (JsonNode)problem).ToArray());
        }

        if (Detail is not null)
        {
            json["detail"] = Detail;
        }

        return json;
    }

    /// <summary>"+1.234 s received Handshake from Client", for wire logs.</summary>
    public string Describe() =>
        $"+{At.TotalSeconds:0.000} s {Kind.ToString().ToLowerInvariant()}{(Message is null ? "" : " " + PipeMessageCodec.ToJson(Message))}{(Detail is null ? "" : " — " + Detail)}"
        + (Check is { Problems.Count: > 0 } check ? $" [{string.Join("; ", check.Problems)}]" : "");
}
