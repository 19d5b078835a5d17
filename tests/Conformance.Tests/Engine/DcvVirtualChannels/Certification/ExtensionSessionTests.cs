using System.Diagnostics;
using Conformance.Engine.DcvVirtualChannels.Certification;
using Conformance.Engine.Situations;
using Conformance.Reference.Dcv;

namespace Conformance.Tests.Engine.DcvVirtualChannels.Certification;

[Parallelizable(ParallelScope.All)]
public class ExtensionSessionTests
{
    [Test]
    public async Task A_session_with_the_reference_extension_ends_once_every_channel_is_settled_and_the_fifth_was_refused()
    {
        var session = new ExtensionSession(new Recording(new Situation("test", "")), DcvExtensionTarget.Reference());

        await session.RunAsync(CancellationToken.None);

        Assert.That(session.Missing, Is.Null);
        Assert.That(session.Took, Is.LessThan(TimeSpan.FromSeconds(15)), "quiet with every channel settled ends the session before its 15 s");
        var setups = session.OfExtension.OfType<SetupDecided>().Select(setup => setup.Decision.Status.ToString()).ToList();
        Assert.That(setups, Is.EqualTo(new[] { "Success", "Success", "Success", "Success", "ErrorTooManyVirtualChannels" }));
        Assert.That(session.Journal.OfType<ChannelReady>().Count(), Is.EqualTo(4));
        Assert.That(session.StandardError.Bytes, Is.Zero);
        Assert.That(ExtensionJudges.TokenFirst(session), Is.Empty);
        Assert.That(ExtensionJudges.SurvivesRefusal(session), Is.Empty);
    }

    [Test]
    public async Task An_extension_that_never_speaks_is_watched_for_its_session_time_then_ended_within_its_exit_time()
    {
        var target = DcvExtensionTarget.Reference() with
        {
            Command = ["/bin/sh", "-c", "exec sleep 60"],
            Session = TimeSpan.FromSeconds(1),
            Exit = TimeSpan.FromSeconds(1),
        };
        var session = new ExtensionSession(new Recording(new Situation("test", "")), target);
        var clock = Stopwatch.StartNew();

        await session.RunAsync(CancellationToken.None);

        Assert.That(session.Missing, Is.EqualTo("the extension sent no request in 1 s"));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(6)), "its deadlines (1 s + 1 s) and a few seconds");
    }

    [Test]
    public async Task The_transcript_sums_the_session_up_without_a_token()
    {
        var recording = new Recording(new Situation("test", ""));
        var session = new ExtensionSession(recording, DcvExtensionTarget.Reference());

        await session.RunAsync(CancellationToken.None);

        var kinds = recording.Transcript.Entries.Select(entry => (string)entry["kind"]!).ToList();
        Assert.That(kinds[0], Is.EqualTo("extension-started"));
        Assert.That(kinds[^1], Is.EqualTo("extension-ended"));
        Assert.That(kinds.Count(kind => kind == "channel"), Is.EqualTo(5));
        var text = string.Join("\n", recording.Transcript.Entries.Select(entry => entry.ToJsonString()));
        Assert.That(recording.Secrets, Is.Not.Empty);
        Assert.That(recording.Secrets.Where(secret => text.Contains(secret, StringComparison.Ordinal)), Is.Empty);
    }
}
