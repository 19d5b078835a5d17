using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Conformance.Engine.Bindings;
using Conformance.Protocols.Framing;
using Conformance.Protocols.PipeMessaging;
using Conformance.Reference.PipeMessaging;

namespace Conformance.Engine.PipeMessaging.InProcess.Steps;

/// <summary>The reference event-pipe service or command-pipe server on stage, and the clients the scenario scripts against it, byte for byte.</summary>
[Binding]
internal sealed class ScriptedClientSteps(ServingStage stage, Expectations expect)
{
    [Given("the reference event-pipe service")]
    public void GivenTheService() => stage.StartEventService();

    [Given("the reference command-pipe server")]
    public void GivenTheServer() => stage.StartCommandServer();

    [When("client (\\d+) connects")]
    public Task Connects(int client) => stage.ConnectAsync(client);

    [When("client (\\d+) sends (?:its|a) Handshake( as XML)?")]
    public Task SendsItsHandshake(int client, string xml) => stage.SendAsync(client, new Handshake(HandshakeSender.Client), Form(xml));

    [When("client (\\d+) sends a Handshake claiming to be the Service")]
    public Task SendsAServiceHandshake(int client) => stage.SendAsync(client, new Handshake(HandshakeSender.Service));

    [When("client (\\d+) confirms event (\\w+)( as XML)?")]
    public Task Confirms(int client, string label, string xml) => stage.SendAsync(client, new Confirmation(stage.EventId(label)), Form(xml));

    [When("client (\\d+) sends its Handshake a byte at a time, (\\d+) ms apart")]
    public Task DripsItsHandshake(int client, int apart) =>
        stage.SendByteByByteAsync(client, Frame(new Handshake(HandshakeSender.Client)), TimeSpan.FromMilliseconds(apart));

    [When("client (\\d+) sends (\\d+) Handshakes in one write")]
    public Task FloodsHandshakes(int client, int count) =>
        stage.SendBytesAsync(client, [.. Enumerable.Range(0, count).SelectMany(_ => Frame(new Handshake(HandshakeSender.Client)))], $"{count} Handshake frames in one write");

    [When("client (\\d+) sends a frame header claiming (0x[0-9A-F]{8}) bytes(?: and (\\d+) bytes? of payload)?")]
    public Task SendsAHeader(int client, string claimed, string payloadBytes)
    {
        var length = uint.Parse(claimed[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var following = payloadBytes.Length == 0 ? 0 : int.Parse(payloadBytes, CultureInfo.InvariantCulture);
        var bytes = new byte[4 + following];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, length);
        bytes.AsSpan(4).Fill((byte)' ');
        return stage.SendBytesAsync(client, bytes, $"a header claiming {claimed} bytes, then {following} of them");
    }

    [When("client (\\d+) sends a frame holding the text (.+)")]
    public Task SendsAFrameHolding(int client, string text) =>
        stage.SendBytesAsync(client, FrameWriter.Encode(Encoding.UTF8.GetBytes(text)), $"a frame holding {text}");

    [When("client (\\d+) sends a frame holding the bytes ([0-9A-F]{2}(?: [0-9A-F]{2})*)")]
    public Task SendsAFrameHoldingBytes(int client, string hex) =>
        stage.SendBytesAsync(client, FrameWriter.Encode(Hex(hex)), $"a frame holding {hex}");

    [When("client (\\d+) sends the first (\\d+) bytes of its Handshake")]
    public Task SendsPartOfItsHandshake(int client, int count) =>
        stage.SendBytesAsync(client, Frame(new Handshake(HandshakeSender.Client))[..count], $"the first {count} bytes of a Handshake frame");

    [When("client (\\d+) sends an Echo request( as XML)?")]
    public Task SendsARequest(int client, string xml) => stage.SendAsync(client, stage.RequestOf(client), Form(xml));

    [When("client (\\d+) sends two Echo requests in one write")]
    public Task SendsTwoRequests(int client) =>
        stage.SendBytesAsync(client, [.. Frame(stage.RequestOf(client)), .. Frame(new Request(Guid.NewGuid(), CommandHandler.Echo, Payloads.EmptyObject))], "two Request frames in one write");

    [When("client (\\d+) sends the first (\\d+) bytes of an Echo request")]
    public Task SendsPartOfARequest(int client, int count) =>
        stage.SendBytesAsync(client, Frame(stage.RequestOf(client))[..count], $"the first {count} bytes of a Request frame");

    [When("client (\\d+) sends the rest of its Echo request after the first (\\d+) bytes")]
    public Task SendsTheRest(int client, int count) =>
        stage.SendBytesAsync(client, Frame(stage.RequestOf(client))[count..], $"the Request frame from byte {count + 1} on");

    [When("client (\\d+) sends an Echo request a byte at a time")]
    public Task SendsARequestByteByByte(int client) => stage.SendByteByByteAsync(client, Frame(stage.RequestOf(client)), TimeSpan.Zero);

    [When("client (\\d+) closes its connection")]
    public Task Closes(int client) => stage.CloseAsync(client);

    [When("client (\\d+) ends its writing")]
    public Task EndsWriting(int client) => stage.EndWritingAsync(client);

    [When("the service emits an? (\\w+) event (\\w+)")]
    public async Task Emits(string eventType, string label)
    {
        var response = await stage.EmitAsync(eventType, label);
        expect.Expect(response is { Status: ResponseStatus.Success }, $"Success for the Conformance.EmitEvent request of event {label}",
            () => response is null ? "no Response" : $"{response.Status}: {response.Error}");
    }

    private static PayloadKind Form(string xml) => xml.Length > 0 ? PayloadKind.Xml : PayloadKind.Json;

    private static byte[] Frame(PipeMessage message) => FrameWriter.Encode(PipeMessageCodec.Encode(message, PayloadKind.Json));

    private static byte[] Hex(string hex) => [.. hex.Split(' ').Select(pair => byte.Parse(pair, NumberStyles.HexNumber, CultureInfo.InvariantCulture))];
}
