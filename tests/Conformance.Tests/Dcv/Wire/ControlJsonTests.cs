using Conformance.Dcv.Wire;
using Conformance.Engine.Validation;
using Conformance.Tests.Support;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Conformance.Tests.Dcv.Wire;

/// <summary>Every control message, turned into canonical proto3 JSON, is judged by the schema of its direction.</summary>
public class ControlJsonTests
{
    private static readonly Lazy<SchemaSet> Schemas = new(() => SchemaSet.LoadAsync(Project.Layout.Schemas).GetAwaiter().GetResult());

    private static IEnumerable<TestCaseData> Samples() =>
        ControlMessageSamples.Requests.Cast<IMessage>().Concat(ControlMessageSamples.ResponsesAndEvents)
            .Select(message => new TestCaseData(message).SetArgDisplayNames(ControlJson.Format(message)));

    [TestCaseSource(nameof(Samples))]
    public void A_message_of_every_kind_validates_against_its_direction_s_schema(IMessage message)
    {
        var issues = Schemas.Value.Get(ControlJson.SchemaFor(message)).Validate(ControlJson.Format(message));

        Assert.That(issues, Is.Empty, string.Join("; ", issues));
    }

    [Test]
    public void The_samples_cover_every_member_of_every_oneof()
    {
        Assert.That(Covered(ControlMessageSamples.Requests.Select(message => (IMessage)message.Request), Request.Descriptor.Oneofs[0]), Is.Empty);
        var responses = ControlMessageSamples.ResponsesAndEvents.Where(message => message.Response is not null).Select(message => (IMessage)message.Response);
        var events = ControlMessageSamples.ResponsesAndEvents.Where(message => message.Event is not null).Select(message => (IMessage)message.Event);
        Assert.That(Covered(responses, Response.Descriptor.Oneofs[0]), Is.Empty);
        Assert.That(Covered(events, Event.Descriptor.Oneofs[0]), Is.Empty);
    }

    [Test]
    public void Writes_the_canonical_form_int64_as_a_string_bytes_as_base64_enums_by_name()
    {
        var json = ControlJson.Format(new DcvMessage
        {
            Response = new Response
            {
                RequestId = "r",
                Status = Response.Types.Status.Success,
                SetupVirtualChannelResponse = new SetupVirtualChannelResponse { VirtualChannelName = "c", RelayPath = "p", RelayServerProcessId = 12, VirtualChannelAuthToken = ByteString.CopyFrom(1, 2, 3) },
            },
        });

        Assert.That(json, Is.EqualTo("""{ "response": { "requestId": "r", "status": "SUCCESS", "setupVirtualChannelResponse": { "virtualChannelName": "c", "relayPath": "p", "relayServerProcessId": "12", "virtualChannelAuthToken": "AQID" } } }"""));
    }

    [Test]
    public void A_response_whose_status_is_NONE_fails_its_schema()
    {
        var message = new DcvMessage { Response = new Response { RequestId = "1", GetManifestResponse = new GetManifestResponse { ManifestPath = "/m" } } };

        var issues = Schemas.Value.Get(ControlJson.DcvMessageSchema).Validate(ControlJson.Format(message));

        Assert.That(issues.Select(issue => issue.Path), Has.Some.Contains("status"));
    }

    [Test]
    public void An_extension_message_that_carries_no_request_fails_its_schema()
    {
        Assert.That(Schemas.Value.Get(ControlJson.ExtensionMessageSchema).Validate(ControlJson.Format(new ExtensionMessage())), Is.Not.Empty);
    }

    private static List<string> Covered(IEnumerable<IMessage> messages, OneofDescriptor oneof)
    {
        var set = messages.Select(message => oneof.Accessor.GetCaseFieldDescriptor(message)?.Name).ToHashSet();
        return oneof.Fields.Select(field => field.Name).Where(name => !set.Contains(name)).ToList();
    }

    [Test]
    public void Names_no_schema_for_a_message_that_is_not_a_control_message()
    {
        Assert.That(() => ControlJson.SchemaFor(new GetDcvInfoRequest()),
            Throws.ArgumentException.With.Message.StartWith("dcv.extensions.GetDcvInfoRequest is not a control message.").And.Property("ParamName").EqualTo("message"));
    }

    [Test]
    public void Refuses_a_missing_message()
    {
        Assert.That(() => ControlJson.Format(null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("message"));
    }
}
