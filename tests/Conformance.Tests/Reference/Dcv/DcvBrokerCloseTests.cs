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
        Assert.That(broker.Journal.OfType<ChannelClosed>().Select(closed => (closed.Party, closed.Channel, closed.Why)),
            Is.EqualTo(new[] { ("extension", "echo", "extension closed it (VC-09)") }));
    }

    [Test]
    public async Task Shows_each_end_of_a_channel_as_authenticated_only_once_its_relay_is_admitted()
    {
        await using var broker = new DcvBroker();
        await using var extension = ScriptedParty.Extension(broker);
        await using var remote = ScriptedParty.Remote(broker);
        await using var extensionRelay = await extension.SetupAndConnectAsync("echo");
        var remoteSetup = await remote.SetupAsync("echo");
        await broker.Journal.WaitForAsync<RelayJudged>(judged => judged.Verdict.Admitted, ScriptedParty.Bound);

        var channel = broker.Channels.Single();
        await using var remoteRelay = await ScriptedParty.ConnectAsync(remoteSetup.SetupVirtualChannelResponse);
        var ready = await broker.Journal.WaitForAsync<ChannelReady>(_ => true, ScriptedParty.Bound);

        Assert.That(channel.Parties, Is.EquivalentTo(new[] { ("extension", true), ("remote", false) }));
        Assert.That(channel.IsReady, Is.False);
        Assert.That((ready?.Party, ready?.Channel), Is.EqualTo(("broker", "echo")), "the broker, not a party, makes a channel ready");
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
        Assert.That(broker.Journal.OfType<ChannelClosed>().Select(closed => (closed.Party, closed.Why)),
            Is.EqualTo(new[] { ("broker", "a relay connection ended") }), "no party closed it: the broker did");
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
        Assert.That(end.Description, Does.StartWith("the control channel ended after ").And.EndWith(" frames"));
        Assert.That((await remote.NextEventAsync()).VirtualChannelClosedEvent.VirtualChannelName, Is.EqualTo("echo"));
        Assert.That(broker.Channels, Is.Empty);
        Assert.That(broker.Journal.OfType<SessionEnded>().Select(ended => (ended.Party, ended.End.Reason)),
            Is.EqualTo(new[] { ("extension", SessionEndReason.ControlChannelEnded) }));
        Assert.That(broker.Journal.OfType<ChannelClosed>().Select(closed => (closed.Party, closed.Why)),
            Is.EqualTo(new[] { ("extension", "extension's control session ended") }));
        await extension.DisposeAsync();
    }
}
