using Conformance.Dcv.Wire;

namespace Conformance.Reference.Dcv;

/// <summary>The broker's messages to a party, built in one place.</summary>
internal static class Events
{
    public static DcvMessage Ready(string name) =>
        new() { Event = new Event { VirtualChannelReadyEvent = new VirtualChannelReadyEvent { VirtualChannelName = name } } };

    public static DcvMessage Closed(string name) =>
        new() { Event = new Event { VirtualChannelClosedEvent = new VirtualChannelClosedEvent { VirtualChannelName = name } } };

    // VC-02: every response echoes the request's id and carries a status other than NONE.
    public static DcvMessage Response(Request request, Response.Types.Status status, Action<Response>? fill = null)
    {
        var response = new Response { RequestId = request.RequestId, Status = status };
        fill?.Invoke(response);
        return new DcvMessage { Response = response };
    }
}
