using System.Globalization;
using Conformance.Engine.Bindings;
using Conformance.Protocols.Framing;
using Conformance.Protocols.PipeMessaging;
using Conformance.Reference.PipeMessaging;

namespace Conformance.Engine.PipeMessaging.InProcess.Steps;

/// <summary>The reference event-pipe client or command-pipe client on stage, and the service or server the scenario scripts in front of it.</summary>
[Binding]
internal sealed class ScriptedPeerSteps(ClientStage stage)
{
    [Given("the reference event-pipe client")]
    public Task GivenTheEventClient() => stage.StartEventClientAsync();

    [Given("the reference command-pipe client")]
    public void GivenTheCommandClient() => stage.StartCommandClient();

    [Given("the reference command-pipe client with a time-out of (\\d+) ms")]
    public void GivenTheCommandClientWithATimeout(int milliseconds) =>
        stage.StartCommandClient(new CommandPipeClientSettings { ResponseTimeout = TimeSpan.FromMilliseconds(milliseconds) });

    [When("the client sends an Echo request")]
    public Task SendsARequest() => stage.SendRequestAsync();

    [When("the service answers with its Handshake( as XML)?")]
    public Task AnswersTheHandshake(string xml) => stage.SendAsync(new Handshake(HandshakeSender.Service), Form(xml));

    [When("the service sends a Handshake")]
    public Task SendsAKeepAlive() => stage.SendAsync(new Handshake(HandshakeSender.Service));

    [When("the service sends an? (\\w+) event (\\w+)( as XML)?")]
    public Task SendsAnEvent(string eventType, string label, string xml) => stage.SendAsync(stage.EventLabelled(eventType, label), Form(xml));

    [When("the service sends an? (\\w+) event (\\w+) in (\\d+) pieces")]
    public Task SendsAnEventInPieces(string eventType, string label, int pieces) =>
        stage.SendBytesAsync(Frame(stage.EventLabelled(eventType, label)), $"event {label}", pieces);

    [When("the service sends an? (\\w+) event (\\w+) and a Handshake in one write")]
    public Task SendsAnEventAndAHandshake(string eventType, string label) =>
        stage.SendBytesAsync([.. Frame(stage.EventLabelled(eventType, label)), .. Frame(new Handshake(HandshakeSender.Service))], $"event {label} and a Handshake in one write");

    [When("the service sends all but the last (\\d+) bytes of an? (\\w+) event (\\w+)")]
    public Task SendsAllButTheEnd(int missing, string eventType, string label)
    {
        var frame = Frame(stage.EventLabelled(eventType, label));
        return stage.SendBytesAsync(frame[..^missing], $"event {label} without its last {missing} bytes");
    }

    [When("the (?:service|server) closes the connection")]
    public Task ClosesTheConnection() => stage.CloseLatestAsync();

    [When("the server answers the request( in (\\d+) pieces)?")]
    public Task AnswersTheRequest(string inPieces, string pieces) =>
        stage.SendBytesAsync(Frame(Response.Success(stage.Request.RequestId, stage.Request.Parameters)), "the Response",
            inPieces.Length == 0 ? 1 : int.Parse(pieces, CultureInfo.InvariantCulture));

    [When("the server sends all but the last (\\d+) bytes of its answer")]
    public Task SendsPartOfTheAnswer(int missing) =>
        stage.SendBytesAsync(Frame(Response.Success(stage.Request.RequestId, stage.Request.Parameters))[..^missing], $"the Response without its last {missing} bytes");

    private static PayloadKind Form(string xml) => xml.Length > 0 ? PayloadKind.Xml : PayloadKind.Json;

    private static byte[] Frame(PipeMessage message) => FrameWriter.Encode(PipeMessageCodec.Encode(message, PayloadKind.Json));
}
