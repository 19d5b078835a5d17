using Conformance.Protocols.PipeMessaging;
using static Conformance.Tests.Protocols.PipeMessaging.SampleMessages;

namespace Conformance.Tests.Protocols.PipeMessaging;

public class JsonMessageReaderTests
{
    private const string Id = "3f2c9a7e-1b4d-4c8e-9f0a-2b7d5e6c1a93";

    [TestCaseSource(typeof(SampleMessages), nameof(SampleMessages.InBothForms))]
    [TestCaseSource(typeof(SampleMessages), nameof(SampleMessages.InJsonOnly))]
    public void Reads_back_what_it_writes(PipeMessage message)
    {
        var result = PipeMessageCodec.DecodeJson(PipeMessageCodec.ToJson(message));

        Assert.That(result.Message, Is.EqualTo(message));
        Assert.That(result.UnknownMembers, Is.Empty);
    }

    [TestCase("hello", PipeMessageError.InvalidJson, null)]
    [TestCase("""{"messageType":"Handshake","sender":"Client"} {}""", PipeMessageError.InvalidJson, null)]
    [TestCase("""{"messageType":"Handshake","sender":"Client",}""", PipeMessageError.InvalidJson, null)]
    [TestCase("""["Handshake"]""", PipeMessageError.NotAnObject, null)]
    [TestCase("""{"sender":"Client"}""", PipeMessageError.BadMessageType, "messageType")]
    [TestCase("""{"messageType":null,"sender":"Client"}""", PipeMessageError.BadMessageType, "messageType")]
    [TestCase("""{"messageType":"handshake","sender":"Client"}""", PipeMessageError.UnknownMessageType, "messageType")]
    [TestCase("""{"messageType":"Handshake"}""", PipeMessageError.MissingMember, "sender")]
    [TestCase("""{"messageType":"Handshake","sender":1}""", PipeMessageError.WrongType, "sender")]
    [TestCase("""{"messageType":"Handshake","sender":"client"}""", PipeMessageError.BadValue, "sender")]
    [TestCase("""{"messageType":"Confirmation","eventId":"{3f2c9a7e-1b4d-4c8e-9f0a-2b7d5e6c1a93}"}""", PipeMessageError.BadValue, "eventId")]
    [TestCase("""{"messageType":"Confirmation","eventId":" 3f2c9a7e-1b4d-4c8e-9f0a-2b7d5e6c1a93"}""", PipeMessageError.BadValue, "eventId")]
    [TestCase("""{"messageType":"Confirmation","eventId":"3f2c9a7e1b4d4c8e9f0a2b7d5e6c1a93"}""", PipeMessageError.BadValue, "eventId")]
    [TestCase("""{"messageType":"Event","eventId":"3f2c9a7e-1b4d-4c8e-9f0a-2b7d5e6c1a93","eventType":"T","payload":"x"}""", PipeMessageError.WrongType, "payload")]
    [TestCase("""{"messageType":"Event","eventId":"3f2c9a7e-1b4d-4c8e-9f0a-2b7d5e6c1a93","eventType":"T","payload":{"a":1,"a":2}}""", PipeMessageError.DuplicateMember, "payload.a")]
    [TestCase("""{"messageType":"Request","requestId":"3f2c9a7e-1b4d-4c8e-9f0a-2b7d5e6c1a93","command":"C"}""", PipeMessageError.MissingMember, "parameters")]
    [TestCase("""{"messageType":"Request","requestId":"3f2c9a7e-1b4d-4c8e-9f0a-2b7d5e6c1a93","command":null,"parameters":{}}""", PipeMessageError.WrongType, "command")]
    [TestCase("""{"messageType":"Response","requestId":"3f2c9a7e-1b4d-4c8e-9f0a-2b7d5e6c1a93","status":"Done","result":1}""", PipeMessageError.BadValue, "status")]
    [TestCase("""{"messageType":"Response","requestId":"3f2c9a7e-1b4d-4c8e-9f0a-2b7d5e6c1a93","status":"Success"}""", PipeMessageError.MissingMember, "result")]
    [TestCase("""{"messageType":"Response","requestId":"3f2c9a7e-1b4d-4c8e-9f0a-2b7d5e6c1a93","status":"Success","result":1,"error":"x"}""", PipeMessageError.MemberNotAllowed, "error")]
    [TestCase("""{"messageType":"Response","requestId":"3f2c9a7e-1b4d-4c8e-9f0a-2b7d5e6c1a93","status":"Error","result":1,"error":"x"}""", PipeMessageError.MemberNotAllowed, "result")]
    [TestCase("""{"messageType":"Response","requestId":"3f2c9a7e-1b4d-4c8e-9f0a-2b7d5e6c1a93","status":"Error","error":""}""", PipeMessageError.BadValue, "error")]
    [TestCase("""{"messageType":"Response","requestId":"3f2c9a7e-1b4d-4c8e-9f0a-2b7d5e6c1a93","status":"Error","error":{}}""", PipeMessageError.WrongType, "error")]
    [TestCase("""{"messageType":"Response","requestId":"3f2c9a7e-1b4d-4c8e-9f0a-2b7d5e6c1a93","status":"Error"}""", PipeMessageError.MissingMember, "error")]
    public void Rejects_a_malformed_message_naming_the_member_and_why(string json, PipeMessageError error, string? member)
    {
        var result = PipeMessageCodec.DecodeJson(json);

        Assert.That(result.IsMessage, Is.False);
        Assert.That((result.Error, result.Member), Is.EqualTo((error, member)), result.Reason);
        Assert.That(result.Reason, Is.Not.Empty);
    }

    [Test]
    public void Refuses_nesting_deeper_than_the_JSON_parsers_limit_without_failing()
    {
        var payload = string.Concat(Enumerable.Repeat("{\"a\":", 100_000)) + "1" + new string('}', 100_000);

        var result = PipeMessageCodec.DecodeJson($$$"""{"messageType":"Event","eventId":"{{{Id}}}","eventType":"T","payload":{{{payload}}}}""");

        Assert.That(result.Error, Is.EqualTo(PipeMessageError.InvalidJson));
        Assert.That(result.Reason, Does.Contain("depth"));
    }

    [Test]
    public void Says_what_a_member_is_and_what_it_should_be()
    {
        var result = PipeMessageCodec.DecodeJson("""{"messageType":"Event","eventId":42,"eventType":"T","payload":{}}""");

        Assert.That(result.Reason, Is.EqualTo("eventId is a number, not a string"));
    }

    [Test]
    public void Lists_the_members_the_protocol_does_not_define_but_not_those_inside_the_payload()
    {
        var result = PipeMessageCodec.DecodeJson($$$"""{"messageType":"Event","trace":1,"eventId":"{{{Id}}}","eventType":"T","payload":{"inside":1},"vendor":{}}""");

        Assert.That(result.IsMessage);
        Assert.That(result.UnknownMembers, Is.EqualTo(new[] { "trace", "vendor" }));
    }

    [Test]
    public void Reads_members_in_any_order_and_GUIDs_in_either_case()
    {
        var result = PipeMessageCodec.DecodeJson($$"""{"eventId":"{{Id.ToUpperInvariant()}}","messageType":"Confirmation"}""");

        Assert.That(result.Message, Is.EqualTo(new Confirmation(First)));
    }

    [Test]
    public void Takes_a_null_for_the_member_a_status_does_not_use_as_absent()
    {
        var success = PipeMessageCodec.DecodeJson($$"""{"messageType":"Response","requestId":"{{Id}}","status":"Success","result":7,"error":null}""");
        var failure = PipeMessageCodec.DecodeJson($$"""{"messageType":"Response","requestId":"{{Id}}","status":"Error","result":null,"error":"down"}""");

        Assert.That(success.Message, Is.EqualTo(Response.Success(First, Json("7"))));
        Assert.That(failure.Message, Is.EqualTo(Response.Failure(First, "down")));
    }

    [Test]
    public void Reads_a_null_result_as_a_JSON_null_not_as_no_result()
    {
        var response = (Response)PipeMessageCodec.DecodeJson($$"""{"messageType":"Response","requestId":"{{Id}}","status":"Success","result":null}""").Message!;

        Assert.That(response.Result?.ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        Assert.That(response, Is.EqualTo(Response.Success(First)));
    }

    [Test]
    public void Keeps_the_payload_after_the_text_is_gone()
    {
        var @event = (Event)PipeMessageCodec.DecodeJson($$$"""{"messageType":"Event","eventId":"{{{Id}}}","eventType":"T","payload":{"bytesIn":5}}""").Message!;

        GC.Collect();

        Assert.That(@event.Payload.GetProperty("bytesIn").GetInt32(), Is.EqualTo(5));
    }
}
