using Conformance.Dcv.Wire;
using Google.Protobuf;

namespace Conformance.Tests.Dcv.Wire;

/// <summary>One control message of every kind the proto defines, filled as the reference roles fill them.</summary>
internal static class ControlMessageSamples
{
    public static IReadOnlyList<ExtensionMessage> Requests { get; } =
    [
        Request("1", request => request.GetDcvInfoRequest = new GetDcvInfoRequest()),
        Request("2", request => request.GetManifestRequest = new GetManifestRequest()),
        Request("3", request => request.SetupVirtualChannelRequest = new SetupVirtualChannelRequest { VirtualChannelName = "echo", RelayClientProcessId = 4242 }),
        Request("4", request => request.CloseVirtualChannelRequest = new CloseVirtualChannelRequest { VirtualChannelName = "echo" }),
        Request("5", request => request.SetCursorPointRequest = new SetCursorPointRequest { Point = new Point { X = 10, Y = -3 } }),
        Request("6", request => request.GetStreamingViewsRequest = new GetStreamingViewsRequest()),
        Request("7", request => request.IsPointInsideStreamingViewsRequest = new IsPointInsideStreamingViewsRequest { Point = new Point() }),
    ];

    public static IReadOnlyList<DcvMessage> ResponsesAndEvents { get; } =
    [
        Answer("1", response => response.GetDcvInfoResponse = new GetDcvInfoResponse
        {
            DcvRole = GetDcvInfoResponse.Types.DcvRole.Client,
            DcvProcessId = 812,
            ServerInfo = new SoftwareInfo { Name = "server", Version = new SoftwareInfo.Types.VersionNumber { Major = 1, Minor = 2, Revision = 3 }, Os = "linux", Arch = "x64", Hostname = "h" },
            ClientInfo = new SoftwareInfo { Name = "client" },
            ExtSdkVersion = new SoftwareInfo.Types.VersionNumber { Major = 1 },
        }),
        Answer("2", response => response.GetManifestResponse = new GetManifestResponse { ManifestPath = "/opt/ext/manifest.json" }),
        Answer("3", response => response.SetupVirtualChannelResponse = new SetupVirtualChannelResponse
        {
            VirtualChannelName = "echo",
            RelayPath = "dcv-relay-1",
            RelayServerProcessId = 812,
            VirtualChannelAuthToken = ByteString.CopyFrom(Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray()),
        }),
        Answer("4", response => response.CloseVirtualChannelResponse = new CloseVirtualChannelResponse { VirtualChannelName = "echo" }),
        Answer("5", response => response.SetCursorPointResponse = new SetCursorPointResponse()),
        Answer("6", response => response.GetStreamingViewsResponse = new GetStreamingViewsResponse()),
        Answer("7", response => response.IsPointInsideStreamingViewsResponse = new IsPointInsideStreamingViewsResponse()),
        Answer("8", _ => { }, Response.Types.Status.ErrorTooManyVirtualChannels),
        new DcvMessage { Event = new Event { VirtualChannelReadyEvent = new VirtualChannelReadyEvent { VirtualChannelName = "echo" } } },
        new DcvMessage { Event = new Event { VirtualChannelClosedEvent = new VirtualChannelClosedEvent { VirtualChannelName = "echo" } } },
        new DcvMessage { Event = new Event { StreamingViewsChangedEvent = new StreamingViewsChangedEvent() } },
    ];

    private static ExtensionMessage Request(string id, Action<Request> fill)
    {
        var request = new Request { RequestId = id };
        fill(request);
        return new ExtensionMessage { Request = request };
    }

    private static DcvMessage Answer(string id, Action<Response> fill, Response.Types.Status status = Response.Types.Status.Success)
    {
        var response = new Response { RequestId = id, Status = status };
        fill(response);
        return new DcvMessage { Response = response };
    }
}
