using Conformance.Protocols.PipeMessaging;
using Conformance.Reference.PipeMessaging;

namespace Conformance.Tests.Reference.PipeMessaging;

public class CommandHandlerTests
{
    [Test]
    public void A_handler_for_a_service_needs_the_service()
    {
        Assert.That(() => CommandHandler.For(null!), Throws.ArgumentNullException);
    }

    [Test]
    public void Without_an_event_pipe_EmitEvent_is_an_Error_saying_so()
    {
        var response = CommandHandler.Standalone(new Request(Guid.NewGuid(), ConformanceCommands.EmitEvent, Payloads.EmptyObject));

        Assert.That(response.Status, Is.EqualTo(ResponseStatus.Error));
        Assert.That(response.Error, Is.EqualTo("this server has no event pipe to emit on"));
    }

    [Test]
    public void An_unknown_command_is_an_Error_naming_it()
    {
        var request = new Request(Guid.NewGuid(), "Conformance.Nothing", Payloads.EmptyObject);

        var response = CommandHandler.Standalone(request);

        Assert.That((response.RequestId, response.Status, response.Error), Is.EqualTo((request.RequestId, ResponseStatus.Error, "unknown command \"Conformance.Nothing\"")));
    }
}
