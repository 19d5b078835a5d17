using Conformance.Reference.Dcv;
using static Conformance.Dcv.Wire.Response.Types;

namespace Conformance.Tests.Reference.Dcv;

/// <summary>VC-09: a close is answered, and the other party told.</summary>
public class DcvBrokerCloseTests
{
    [Test]
    public async Task Answers_a_close_with_its_response_and_sends_the_other_party_the_closed_event()
    {
        await using var broker = new DcvBroker();
        await using var extension = ScriptedParty.Extension(broker);
        await using var remote = ScriptedParty.Remote(broker);
        await using var extensionRelay = await extension.SetupAndConnectAsync("echo");
        await using var remoteRelay = await remote.SetupAndConnectAsync("echo");
        await extension.NextEventAsync();
        await remote.NextEventAsync();

        var response = await extension.CloseAsync("echo");
        var closed = await remote.NextEventAsync();

        Assert.That((response.Status, response.CloseVirtualChannelResponse.VirtualChannelName), Is.EqualTo((Status.Success, "echo")));
        Assert.That(closed.VirtualChannelClosedEvent.VirtualChannelName, Is.EqualTo("echo"));
        Assert.That(await RelayBytes.ReadToEndAsync(remoteRelay), Is.Empty, "the relay ends too");
        Assert.That(broker.Channels, Is.Empty);
        Assert.That(extension.HasEvent, Is.False, "the closer gets the response, not the event");
    }

    [Test]
    public async Task Answers_a_close_of_a_channel_the_party_does_not_hold_invalid_parameter()
    {
        await using var broker = new DcvBroker();
        await using var extension = ScriptedParty.Extension(broker);
        await using var remote = ScriptedParty.Remote(broker);
        await remote.SetupAsync("theirs");

        Assert.That((await extension.CloseAsync("never-set-up")).Status, Is.EqualTo(Status.ErrorInvalidParameter));
        Assert.That((await extension.CloseAsync("theirs")).Status, Is.EqualTo(Status.ErrorInvalidParameter));
        Assert.That(broker.Channels, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Closes_a_channel_for_both_parties_when_a_relay_ends()
    {
        await using var broker = new DcvBroker();
        await using var extension = ScriptedParty.Extension(broker);
        await using var remote = ScriptedParty.Remote(broker);
        var extensionRelay = await extension.SetupAndConnectAsync("echo");
        await using var remoteRelay = await remote.SetupAndConnectAsync("echo");
        await extension.NextEventAsync();
        await remote.NextEventAsync();
        await extensionRelay.WriteAsync("last words"u8.ToArray());

        await extensionRelay.DisposeAsync();

        Assert.That(await RelayBytes.ReadToEndAsync(remoteRelay), Is.EqualTo("last words"u8.ToArray()), "what was sent before the end arrives");
        Assert.That((await extension.NextEventAsync()).VirtualChannelClosedEvent.VirtualChannelName, Is.EqualTo("echo"));
        Assert.That((await remote.NextEventAsync()).VirtualChannelClosedEvent.VirtualChannelName, Is.EqualTo("echo"));
    }

    [Test]
    public async Task Tears_down_a_party_s_channels_when_its_session_ends_and_tells_the_other_party()
    {
        await using var broker = new DcvBroker();
        var extension = ScriptedParty.Extension(broker);
        await using var remote = ScriptedParty.Remote(broker);
        await using var extensionRelay = await extension.SetupAndConnectAsync("echo");
        await using var remoteRelay = await remote.SetupAndConnectAsync("echo");
        await remote.NextEventAsync();

        await extension.CompleteAsync();
        var end = await extension.Session.Ended.WaitAsync(ScriptedParty.Bound);

        Assert.That(end.Reason, Is.EqualTo(SessionEndReason.ControlChannelEnded));
        Assert.That((await remote.NextEventAsync()).VirtualChannelClosedEvent.VirtualChannelName, Is.EqualTo("echo"));
        Assert.That(broker.Channels, Is.Empty);
        await extension.DisposeAsync();
    }
}
