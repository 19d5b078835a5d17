using Conformance.Protocols.PipeMessaging;
using static Conformance.Tests.Protocols.PipeMessaging.SampleMessages;

namespace Conformance.Tests.Protocols.PipeMessaging;

public class PipeMessageTests
{
    [Test]
    public void Compares_payloads_parameters_and_results_by_their_JSON_value()
    {
        Assert.That(new Event(First, "T", Json("""{ "a": [1, {"b": null}] }""")), Is.EqualTo(new Event(First, "T", Json("""{"a":[1,{"b":null}]}"""))));
        Assert.That(new Event(First, "T", Json("""{"a":1}""")), Is.Not.EqualTo(new Event(First, "T", Json("""{"a":2}"""))));
        Assert.That(new Request(First, "C", Json("{}")), Is.EqualTo(new Request(First, "C", Json("{ }"))));
        Assert.That(Response.Success(First, Json("1")), Is.Not.EqualTo(Response.Success(First, Json("\"1\""))));
        Assert.That(Response.Success(First), Is.Not.EqualTo(new Response(First, ResponseStatus.Success)));
    }

    [Test]
    public void Never_equals_a_message_of_another_kind()
    {
        PipeMessage handshake = new Handshake(HandshakeSender.Client);
        PipeMessage confirmation = new Confirmation(First);

        Assert.That(handshake, Is.Not.EqualTo(confirmation));
    }

    [Test]
    public void Names_its_message_type()
    {
        PipeMessage[] messages = [new Handshake(HandshakeSender.Client), new Event(First, "T", Json("{}")), new Confirmation(First), new Request(First, "C", Json("{}")), Response.Failure(First, "x")];

        Assert.That(messages.Select(message => message.MessageType), Is.EqualTo(PipeMessageTypes.All));
    }

    [Test]
    public void Makes_a_success_without_a_result_carry_a_JSON_null()
    {
        Assert.That(Response.Success(First).Result?.ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        Assert.That(Response.Failure(First, "down"), Is.EqualTo(new Response(First, ResponseStatus.Error, null, "down")));
    }
}
