using Conformance.Protocols.PipeMessaging;
using static Conformance.Tests.Protocols.PipeMessaging.SampleMessages;

namespace Conformance.Tests.Protocols.PipeMessaging;

public class EmitEventParametersTests
{
    [Test]
    public void Makes_the_EmitEvent_request_with_the_event_type_and_payload()
    {
        var request = new EmitEventParameters(EventTypes.TrafficChanged, Json("""{"bytesIn":10}""")).ToRequest(First);

        Assert.That(PipeMessageCodec.ToJson(request), Is.EqualTo(
            """{"messageType":"Request","requestId":"3f2c9a7e-1b4d-4c8e-9f0a-2b7d5e6c1a93","command":"Conformance.EmitEvent","parameters":{"eventType":"TrafficChanged","payload":{"bytesIn":10}}}"""));
    }

    [Test]
    public void Reads_back_the_parameters_of_an_EmitEvent_request_ignoring_members_it_does_not_know()
    {
        var request = new Request(First, ConformanceCommands.EmitEvent, Json("""{"payload":{"x":"1"},"eventType":"Connected","delayMs":5}"""));

        Assert.That(EmitEventParameters.TryRead(request, out var parameters, out var reason), reason);
        Assert.That(parameters, Is.EqualTo(new EmitEventParameters("Connected", Json("""{"x":"1"}"""))));
    }

    [TestCase("Connect", """{"eventType":"T","payload":{}}""", "command")]
    [TestCase(ConformanceCommands.EmitEvent, """{"payload":{}}""", "eventType")]
    [TestCase(ConformanceCommands.EmitEvent, """{"eventType":1,"payload":{}}""", "eventType")]
    [TestCase(ConformanceCommands.EmitEvent, """{"eventType":"T"}""", "payload")]
    [TestCase(ConformanceCommands.EmitEvent, """{"eventType":"T","payload":[]}""", "payload")]
    public void Says_why_a_request_does_not_ask_for_an_event(string command, string parameters, string named)
    {
        var request = new Request(First, command, Json(parameters));

        Assert.That(EmitEventParameters.TryRead(request, out var read, out var reason), Is.False);
        Assert.That(read, Is.Null);
        Assert.That(reason, Does.Contain(named));
    }

    [Test]
    public void Refuses_to_ask_for_an_event_whose_payload_is_not_an_object()
    {
        Assert.That(() => new EmitEventParameters("T", Json("1")).ToRequest(First), Throws.InvalidOperationException);
    }
}
