using System.Globalization;
using Conformance.Dcv.Wire;
using Conformance.Engine.Bindings;
using Conformance.Engine.DcvVirtualChannels.Broker;
using Conformance.Engine.Running;
using Conformance.Reference.Dcv;
using static Conformance.Dcv.Wire.Response.Types;

namespace Conformance.Engine.DcvVirtualChannels.Steps;

/// <summary>The reference broker and the parties the harness plays against it; their requests and the answers (VC-02, VC-03, VC-07, VC-08, VC-17).</summary>
[Binding]
internal sealed class BrokerPartySteps(BrokerScene scene, ScenarioContext context)
{
    private readonly List<(string Party, Request Request, Response? Response)> _exchanges = [];

    [Given("the reference broker")]
    public void TheBroker() => _ = scene.Broker;

    [Given("the reference broker on a manual clock")]
    public void TheBrokerOnAManualClock() => scene.StartOnManualClock();

    [Given("an extension whose manifest names the namespace \"([^\"]*)\"")]
    public void AnExtension(string @namespace) => scene.Attach(BrokerScene.Extension, @namespace);

    [Given("an extension called \"([^\"]+)\" whose manifest names the namespace \"([^\"]*)\"")]
    public void ANamedExtension(string name, string @namespace) => scene.Attach(name, @namespace);

    [Given("the remote party, in the namespace \"([^\"]*)\"")]
    public void TheRemoteParty(string @namespace) => scene.Attach(BrokerScene.Remote, @namespace);

    [Given("the channel \"([^\"]+)\" is established between the extension and the remote party")]
    public async Task Established(string channel)
    {
        await scene.EstablishAsync(channel).ConfigureAwait(false);
        BrokerTranscript.Add(context, "channel-established", ("channel", channel), ("parties", new System.Text.Json.Nodes.JsonArray(BrokerScene.Extension, BrokerScene.Remote)));
    }

    [When("the extension sends one request of every kind")]
    public async Task EveryKind()
    {
        var party = scene.Party(BrokerScene.Extension);
        var fills = new Action<Request>[]
        {
            request => request.GetDcvInfoRequest = new GetDcvInfoRequest(),
            request => request.GetManifestRequest = new GetManifestRequest(),
            request => request.SetupVirtualChannelRequest = new SetupVirtualChannelRequest { VirtualChannelName = "echo", RelayClientProcessId = Environment.ProcessId },
            request => request.CloseVirtualChannelRequest = new CloseVirtualChannelRequest { VirtualChannelName = "echo" },
            request => request.CloseVirtualChannelRequest = new CloseVirtualChannelRequest { VirtualChannelName = "never-set-up" },
            request => request.SetCursorPointRequest = new SetCursorPointRequest { Point = new Point { X = 1, Y = 2 } },
            request => request.GetStreamingViewsRequest = new GetStreamingViewsRequest(),
            request => request.IsPointInsideStreamingViewsRequest = new IsPointInsideStreamingViewsRequest { Point = new Point() },
            _ => { },
        };
        foreach (var fill in fills)
        {
            var (request, response) = await party.RequestAsync(fill).ConfigureAwait(false);
            Exchanged(BrokerScene.Extension, request, response);
        }
    }

    [When("the extension asks for the streaming views, whether a point is inside them, and to move the cursor")]
    public async Task OutOfScope()
    {
        var party = scene.Party(BrokerScene.Extension);
        foreach (var fill in new Action<Request>[]
        {
            request => request.GetStreamingViewsRequest = new GetStreamingViewsRequest(),
            request => request.IsPointInsideStreamingViewsRequest = new IsPointInsideStreamingViewsRequest { Point = new Point { X = 10, Y = 10 } },
            request => request.SetCursorPointRequest = new SetCursorPointRequest { Point = new Point { X = 10, Y = 10 } },
        })
        {
            var (request, response) = await party.RequestAsync(fill).ConfigureAwait(false);
            Exchanged(BrokerScene.Extension, request, response);
        }
    }

    [When("the extension sets up the channel \"([^\"]+)\"")]
    [Given("the extension set up the channel \"([^\"]+)\"")]
    public Task ExtensionSetsUp(string channel) => SetUpAsync(BrokerScene.Extension, channel);

    [When("the remote party sets up the channel \"([^\"]+)\"")]
    public Task RemoteSetsUp(string channel) => SetUpAsync(BrokerScene.Remote, channel);

    [When("\"([^\"]+)\" sets up the channel \"([^\"]+)\"")]
    public Task NamedSetsUp(string party, string channel) => SetUpAsync(party, channel);

    [When("the extension sets up the channel \"([^\"]+)\" again, naming another process")]
    [Given("the extension set up the channel \"([^\"]+)\" naming another process")]
    public async Task SetsUpNamingAnother(string channel) =>
        await SetUpAsync(BrokerScene.Extension, channel, await scene.StartOtherProcessAsync(context.Cancellation).ConfigureAwait(false)).ConfigureAwait(false);

    [When("the extension sets up (\\d+) channels without opening any relay")]
    public async Task SetsUpMany(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await SetUpAsync(BrokerScene.Extension, string.Create(CultureInfo.InvariantCulture, $"channel-{i}")).ConfigureAwait(false);
        }
    }

    [When("the extension closes the channel \"([^\"]+)\"")]
    public async Task Closes(string channel)
    {
        var (request, response) = await scene.Party(BrokerScene.Extension).RequestAsync(
            request => request.CloseVirtualChannelRequest = new CloseVirtualChannelRequest { VirtualChannelName = channel }).ConfigureAwait(false);
        Exchanged(BrokerScene.Extension, request, response);
    }

    [Then("every response carried its request's id and a status other than NONE")]
    public void EveryResponseEchoes()
    {
        context.Expect(_exchanges.Count > 0, "requests were sent", () => "none");
        foreach (var (party, request, response) in _exchanges)
        {
            context.Expect(response is not null, $"a response to {Describe(request)} (id {request.RequestId})", () => $"none within {ControlParty.Bound.TotalSeconds:0} s");
            context.Expect(response is null || response.RequestId == request.RequestId, $"the response to {Describe(request)} carries request_id {request.RequestId}", () => $"it carried \"{response!.RequestId}\"");
            context.Expect(response is null || response.Status != Status.None, $"the response to {Describe(request)} carries a status other than NONE", () => "NONE");
        }
    }

    [Then("the setup of \"([^\"]+)\" was answered SUCCESS with the channel's name, a relay path, the broker's process id and a token of (\\d+) bytes")]
    public void SetupAnswered(string channel, int tokenBytes)
    {
        var response = Last(request => request.SetupVirtualChannelRequest?.VirtualChannelName == channel);
        context.Expect(response?.Status == Status.Success, "SUCCESS", () => response?.Status.ToString() ?? "no response");
        var setup = response?.SetupVirtualChannelResponse;
        context.Expect(setup?.VirtualChannelName == channel, $"virtual_channel_name \"{channel}\"", () => $"\"{setup?.VirtualChannelName}\"");
        context.Expect(!string.IsNullOrEmpty(setup?.RelayPath), "a relay path", () => "none");
        context.Expect(setup?.RelayServerProcessId == Environment.ProcessId, $"relay_server_process_id {Environment.ProcessId}, the process serving the relay", () => $"{setup?.RelayServerProcessId}");

        // The token is a secret: its length is reported, never its bytes.
        context.Expect(setup?.VirtualChannelAuthToken.Length == tokenBytes, $"an auth token of {tokenBytes} bytes", () => $"{setup?.VirtualChannelAuthToken.Length ?? 0} bytes");
    }

    [Then("the setup of \"([^\"]+)\" was answered SUCCESS")]
    public void SetupSucceeded(string channel)
    {
        var response = Last(request => request.SetupVirtualChannelRequest?.VirtualChannelName == channel);
        context.Expect(response?.Status == Status.Success, $"the setup of \"{channel}\" answered SUCCESS", () => response?.Status.ToString() ?? "no response");
    }

    [Then("the setup was answered (\\w+)")]
    public void SetupAnsweredWith(string status)
    {
        var response = Last(request => request.SetupVirtualChannelRequest is not null);
        context.Expect(response?.Status.ToString() == Pascal(status), status, () => response?.Status.ToString() ?? "no response");
    }

    [Then("the first (\\d+) setups were answered SUCCESS and the fifth ERROR_TOO_MANY_VIRTUAL_CHANNELS")]
    public void FirstSucceeded(int count)
    {
        var setups = _exchanges.Where(exchange => exchange.Request.SetupVirtualChannelRequest?.VirtualChannelName.StartsWith("channel-", StringComparison.Ordinal) == true).ToList();
        for (var i = 0; i < setups.Count; i++)
        {
            var expected = i < count ? Status.Success : Status.ErrorTooManyVirtualChannels;
            var actual = setups[i].Response?.Status;
            context.Expect(actual == expected, $"setup {i + 1} answered {expected}", () => actual?.ToString() ?? "no response");
        }

        context.Expect(setups.Count == count + 1, $"{count + 1} setups", () => $"{setups.Count}");
        context.Expect(scene.Broker.Channels.Count <= scene.Broker.Options.MaxChannelsPerExtension, "at most four channels held", () => $"{scene.Broker.Channels.Count}");
    }

    [Then("each of those requests was answered ERROR_NOT_IMPLEMENTED")]
    public void NotImplemented()
    {
        foreach (var (_, request, response) in _exchanges)
        {
            context.Expect(response?.Status == Status.ErrorNotImplemented, $"{Describe(request)} answered ERROR_NOT_IMPLEMENTED", () => response?.Status.ToString() ?? "no response");
        }
    }

    [Then("the extension got a CloseVirtualChannelResponse for \"([^\"]+)\" with SUCCESS")]
    public void CloseAnswered(string channel)
    {
        var response = Last(request => request.CloseVirtualChannelRequest?.VirtualChannelName == channel);
        context.Expect(response is { Status: Status.Success, CloseVirtualChannelResponse: not null } && response.CloseVirtualChannelResponse.VirtualChannelName == channel,
            $"CloseVirtualChannelResponse for \"{channel}\" with SUCCESS", () => response is null ? "no response" : $"{response.Status}, {response.ResponseCase}");
    }

    [Then("the remote party got a VirtualChannelClosedEvent for \"([^\"]+)\"")]
    public async Task ClosedEvent(string channel)
    {
        var @event = await scene.Party(BrokerScene.Remote).NextEventAsync(ControlParty.Bound).ConfigureAwait(false);
        BrokerTranscript.Add(context, "event", ("party", BrokerScene.Remote), ("event", @event?.EventCase.ToString() ?? "none"));
        context.Expect(@event?.VirtualChannelClosedEvent?.VirtualChannelName == channel, $"VirtualChannelClosedEvent for \"{channel}\"",
            () => @event is null ? $"no event within {ControlParty.Bound.TotalSeconds:0} s" : @event.ToString());
    }

    private async Task SetUpAsync(string party, string channel, long? processId = null)
    {
        var response = await scene.SetupAsync(party, channel, processId).ConfigureAwait(false);
        var request = new Request { SetupVirtualChannelRequest = new SetupVirtualChannelRequest { VirtualChannelName = channel, RelayClientProcessId = processId ?? Environment.ProcessId } };
        Exchanged(party, request, response);
    }

    private void Exchanged(string party, Request request, Response? response)
    {
        _exchanges.Add((party, request, response));
        BrokerTranscript.Add(context, "request", ("party", party), ("request", Describe(request)), ("channel", Channel(request)),
            ("status", response?.Status.ToString() ?? "no response"), ("response", response?.ResponseCase.ToString()));
    }

    private static string? Channel(Request request) =>
        request.SetupVirtualChannelRequest?.VirtualChannelName ?? request.CloseVirtualChannelRequest?.VirtualChannelName;

    private Response? Last(Func<Request, bool> match) => _exchanges.LastOrDefault(exchange => match(exchange.Request)).Response;

    private static string Describe(Request request) => request.RequestCase == Request.RequestOneofCase.None ? "a request of no kind" : request.RequestCase.ToString();

    // "ERROR_TOO_MANY_VIRTUAL_CHANNELS" as the generated enum names it: ErrorTooManyVirtualChannels.
    private static string Pascal(string status) =>
        string.Concat(status.Split('_').Select(word => word.Length == 0 ? word : word[0] + word[1..].ToLowerInvariant()));
}
