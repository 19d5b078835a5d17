using System.Text.Json;
using Conformance.Protocols.PipeMessaging;

namespace Conformance.Tests.Protocols.PipeMessaging;

/// <summary>Messages of every kind and shape, for round trips and schema checks.</summary>
internal static class SampleMessages
{
    public static readonly Guid First = Guid.Parse("3f2c9a7e-1b4d-4c8e-9f0a-2b7d5e6c1a93");
    public static readonly Guid Second = Guid.Parse("b5e0c1d2-7a8f-4e3b-9c6d-0f1e2a3b4c5d");

    /// <summary>Messages whose values are all text, objects or null: both forms carry them exactly.</summary>
    public static IEnumerable<TestCaseData> InBothForms() => Named(
        ("client handshake", new Handshake(HandshakeSender.Client)),
        ("service handshake", new Handshake(HandshakeSender.Service)),
        ("event", new Event(First, EventTypes.TrafficChanged, Json("""{"bytesIn":"1024","bytesOut":"2048"}"""))),
        ("event with an empty payload", new Event(Second, "Disconnected", Json("{}"))),
        ("event with nested, null and unusual text", new Event(First, "Connected", Json("""{"server":{"host":"vpn.example.test","note":"a\r\nb\tc <&> ]]> ü 接続"},"previous":null,"blank":"  "}"""))),
        ("confirmation", new Confirmation(First)),
        ("emit-event request", new EmitEventParameters(EventTypes.TrafficChanged, Json("""{"bytesIn":"10"}""")).ToRequest(Second)),
        ("request with empty parameters", new Request(First, "Disconnect", Json("{}"))),
        ("success with an object", Response.Success(First, Json("""{"state":"Connected"}"""))),
        ("success with text", Response.Success(First, Json("\"Connected\""))),
        ("success with null", Response.Success(First)),
        ("failure", Response.Failure(Second, "unknown command Reconnect")));

    /// <summary>Messages with numbers, booleans and arrays: the JSON form carries them exactly, the XML form not all.</summary>
    public static IEnumerable<TestCaseData> InJsonOnly() => Named(
        ("event with numbers and booleans", new Event(First, EventTypes.TrafficChanged, Json("""{"bytesIn":1048576,"rate":1.5e3,"active":true}"""))),
        ("request with an array", new Request(First, "Connect", Json("""{"countries":["DE","FR"]}"""))),
        ("success with an array", Response.Success(Second, Json("""[1,"two",null]"""))),
        ("success with a number", Response.Success(Second, Json("42"))));

    public static JsonElement Json(string json) => JsonElement.Parse(json);

    private static IEnumerable<TestCaseData> Named(params (string Name, PipeMessage Message)[] messages) =>
        messages.Select(sample => new TestCaseData(sample.Message).SetArgDisplayNames(sample.Name));
}
