using System.Buffers.Binary;
using System.Diagnostics;
using Conformance.Dcv.Framing;
using Conformance.Dcv.Wire;
using Conformance.Reference.Dcv;
using Google.Protobuf;

namespace Conformance.Tests.Reference.Dcv;

/// <summary>VC-01 and the bad inputs: each a precise reason within a bound, and the broker serves on.</summary>
public class DcvBrokerBadInputTests
{
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(1);

    private static IEnumerable<TestCaseData> MalformedFrames()
    {
        var good = ControlFraming.Encode(new ExtensionMessage { Request = new Request { RequestId = "1", GetDcvInfoRequest = new GetDcvInfoRequest() } });
        yield return new TestCaseData(good[..^2], true, SessionEndReason.MalformedFrame, "the stream ended after").SetName("A truncated frame ends the session with where it was cut");
        yield return new TestCaseData(Header(16 * 1024 * 1024 + 1), false, SessionEndReason.MalformedFrame, "above this receiver's limit of 16,777,216").SetName("A frame over the limit ends the session before any of it is read");
        yield return new TestCaseData(Header(0x8000_0010), false, SessionEndReason.MalformedFrame, "0x80000010 has its top bit set").SetName("A top-bit length ends the session");
        yield return new TestCaseData(new byte[] { 3, 0, 0, 0, 0xFF, 0xFF, 0xFF }, false, SessionEndReason.MalformedFrame, "is not a valid dcv.extensions.ExtensionMessage").SetName("A payload that is not protobuf ends the session");
        yield return new TestCaseData(Header(0), false, SessionEndReason.NoRequest, "the 0-byte ExtensionMessage carries no request").SetName("An empty ExtensionMessage ends the session");
    }

    [Test]
    public async Task Refuses_a_missing_party_pipe_launch_or_journal_match_as_an_argument()
    {
        await using var broker = new DcvBroker();
        var party = new BrokerParty("p", GetDcvInfoResponse.Types.DcvRole.Server, "ns");
        var pipe = new System.IO.Pipelines.Pipe();

        Assert.That(() => broker.Attach(null!, pipe.Reader, pipe.Writer), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("party"));
        Assert.That(() => broker.Attach(party, null!, pipe.Writer), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("fromParty"));
        Assert.That(() => broker.Attach(party, pipe.Reader, null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("toParty"));
        Assert.That(() => broker.StartExtensionAsync(null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("launch"));
        Assert.That(() => broker.Journal.WaitForAsync<SessionEnded>(null!, Promptly), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("match"));
        Assert.That(broker.Journal.Entries, Is.Empty, "no session was attached");
    }

    [Test]
    public async Task Refuses_to_start_an_extension_whose_manifest_names_no_path_when_no_command_is_given()
    {
        await using var broker = new DcvBroker();
        using var folder = new ManifestFolder("pathless", "ns");

        Assert.That(() => broker.StartExtensionAsync(new ExtensionLaunch(folder.ManifestPath)),
            Throws.ArgumentException.With.Message.Contains($"The manifest {folder.ManifestPath} names no path, and no command was given."));
        Assert.That(() => broker.StartExtensionAsync(new ExtensionLaunch(folder.ManifestPath, Command: [])),
            Throws.ArgumentException.With.Property("ParamName").EqualTo("launch"), "an empty command is no command");
    }

    [TestCaseSource(nameof(MalformedFrames))]
    public async Task Ends_the_session_promptly_naming_the_fault_and_keeps_serving_other_channels(byte[] bytes, bool thenEnd, SessionEndReason reason, string description)
    {
        await using var broker = new DcvBroker();
        await using var extension = ScriptedParty.Extension(broker, "good", "good-ns");
        await using var remote = ScriptedParty.Remote(broker, "good-ns");
        await using var extensionRelay = await extension.SetupAndConnectAsync("echo");
        await using var remoteRelay = await remote.SetupAndConnectAsync("echo");
        await extension.NextEventAsync();
        await using var bad = ScriptedParty.Extension(broker, "bad", "bad-ns");
        var badRemote = ScriptedParty.Remote(broker, "bad-ns");
        await using var badRelay = await bad.SetupAndConnectAsync("doomed");
        await using var badRemoteRelay = await badRemote.SetupAndConnectAsync("doomed");
        await bad.NextEventAsync();
        await badRemote.NextEventAsync();

        var clock = Stopwatch.StartNew();
        await bad.WriteRawAsync(bytes);
        if (thenEnd)
        {
            await bad.CompleteAsync();
        }

        var end = await bad.Session.Ended.WaitAsync(ScriptedParty.Bound);

        // VC-01: promptly, with a precise reason.
        Assert.That(clock.Elapsed, Is.LessThan(Promptly));
        Assert.That(end.Reason, Is.EqualTo(reason));
        Assert.That(end.Description, Does.StartWith("frame ").And.Contain(description));
        await bad.Closed.WaitAsync(ScriptedParty.Bound);
        Assert.That((await badRemote.NextEventAsync()).VirtualChannelClosedEvent.VirtualChannelName, Is.EqualTo("doomed"));

        // The other parties' channel still carries bytes, and their sessions still answer.
        await extensionRelay.WriteAsync("still here"u8.ToArray());
        Assert.That(await RelayBytes.ReadExactlyAsync(remoteRelay, 10), Is.EqualTo("still here"u8.ToArray()));
        Assert.That((await extension.RequestAsync(request => request.GetDcvInfoRequest = new GetDcvInfoRequest())).Status, Is.EqualTo(Response.Types.Status.Success));
        Assert.That(broker.Channels.Select(channel => channel.Name), Is.EqualTo(new[] { "echo" }));
        await badRemote.DisposeAsync();
    }

    [Test]
    public async Task Ends_the_session_of_a_party_that_stops_reading_within_the_write_deadline()
    {
        var deadline = TimeSpan.FromMilliseconds(300);
        await using var broker = new DcvBroker(DcvBrokerOptions.Default with { ControlWriteDeadline = deadline });
        var pipeIn = new System.IO.Pipelines.Pipe();
        var pipeOut = new System.IO.Pipelines.Pipe(new System.IO.Pipelines.PipeOptions(pauseWriterThreshold: 1024, resumeWriterThreshold: 512));
        var session = broker.Attach(new BrokerParty("deaf", GetDcvInfoResponse.Types.DcvRole.Server, "ns"), pipeIn.Reader, pipeOut.Writer);
        var request = ControlFraming.Encode(new ExtensionMessage { Request = new Request { RequestId = "flood", GetDcvInfoRequest = new GetDcvInfoRequest() } });

        // It floods requests and never reads an answer.
        var flooding = Task.Run(async () =>
        {
            while (!session.Ended.IsCompleted)
            {
                var flushed = await pipeIn.Writer.WriteAsync(request);
                if (flushed.IsCompleted)
                {
                    return;
                }
            }
        });
        var end = await session.Ended.WaitAsync(ScriptedParty.Bound);

        Assert.That(end.Reason, Is.EqualTo(SessionEndReason.StoppedReading));
        Assert.That(end.Description, Does.Contain("did not read its control channel for 0.3 s"));
        await session.DisposeAsync();
        await flooding.WaitAsync(ScriptedParty.Bound);
    }

    private static byte[] Header(uint length)
    {
        var header = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(header, length);
        return header;
    }
}
