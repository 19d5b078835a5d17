using Conformance.Protocols.PipeMessaging;
using static Conformance.Tests.Protocols.PipeMessaging.SampleMessages;

namespace Conformance.Tests.Protocols.PipeMessaging;

public class JsonMessageWriterTests
{
    public static IEnumerable<TestCaseData> Exact()
    {
        yield return new TestCaseData(new Handshake(HandshakeSender.Service), """{"messageType":"Handshake","sender":"Service"}""");
        yield return new TestCaseData(new Event(First, "TrafficChanged", Json("""{"bytesIn":1}""")),
            """{"messageType":"Event","eventId":"3f2c9a7e-1b4d-4c8e-9f0a-2b7d5e6c1a93","eventType":"TrafficChanged","payload":{"bytesIn":1}}""");
        yield return new TestCaseData(new Confirmation(First), """{"messageType":"Confirmation","eventId":"3f2c9a7e-1b4d-4c8e-9f0a-2b7d5e6c1a93"}""");
        yield return new TestCaseData(new Request(First, "Connect", Json("""{"country":"DE"}""")),
            """{"messageType":"Request","requestId":"3f2c9a7e-1b4d-4c8e-9f0a-2b7d5e6c1a93","command":"Connect","parameters":{"country":"DE"}}""");
        yield return new TestCaseData(Response.Success(First, Json("[1]")),
            """{"messageType":"Response","requestId":"3f2c9a7e-1b4d-4c8e-9f0a-2b7d5e6c1a93","status":"Success","result":[1]}""");
        yield return new TestCaseData(Response.Failure(First, "not connected"),
            """{"messageType":"Response","requestId":"3f2c9a7e-1b4d-4c8e-9f0a-2b7d5e6c1a93","status":"Error","error":"not connected"}""");
    }

    [TestCaseSource(nameof(Exact))]
    public void Writes_messageType_first_then_the_members_in_camelCase(PipeMessage message, string json)
    {
        Assert.That(PipeMessageCodec.ToJson(message), Is.EqualTo(json));
    }

    [Test]
    public void Writes_GUIDs_in_lower_case_without_braces()
    {
        var json = PipeMessageCodec.ToJson(new Confirmation(Guid.Parse("{3F2C9A7E-1B4D-4C8E-9F0A-2B7D5E6C1A93}")));

        Assert.That(json, Does.Contain("\"3f2c9a7e-1b4d-4c8e-9f0a-2b7d5e6c1a93\""));
    }

    [Test]
    public void Keeps_non_ASCII_text_as_it_is()
    {
        var json = PipeMessageCodec.ToJson(new Event(First, "Verbindung – 接続", Json("{}")));

        Assert.That(json, Does.Contain("\"Verbindung – 接続\""));
    }

    [Test]
    public void Writes_a_success_without_a_result_with_a_null_result()
    {
        var json = PipeMessageCodec.ToJson(new Response(First, ResponseStatus.Success));

        Assert.That(json, Does.EndWith("\"status\":\"Success\",\"result\":null}"));
    }

    [Test]
    public void Refuses_a_payload_or_parameters_that_are_not_an_object()
    {
        Assert.That(() => PipeMessageCodec.ToJson(new Event(First, "T", Json("[1]"))), Throws.ArgumentException.With.Message.Contains("payload"));
        Assert.That(() => PipeMessageCodec.ToJson(new Request(First, "C", default)), Throws.ArgumentException.With.Message.Contains("parameters"));
    }

    [Test]
    public void Refuses_a_response_whose_status_and_members_disagree()
    {
        Assert.That(() => PipeMessageCodec.ToJson(new Response(First, ResponseStatus.Success, Json("1"), "oops")), Throws.ArgumentException);
        Assert.That(() => PipeMessageCodec.ToJson(new Response(First, ResponseStatus.Error, Json("1"), "oops")), Throws.ArgumentException);
        Assert.That(() => PipeMessageCodec.ToJson(Response.Failure(First, "")), Throws.ArgumentException);
        Assert.That(() => PipeMessageCodec.ToJson(new Response(First, ResponseStatus.Error)), Throws.ArgumentException);
    }
}
