using System.Diagnostics;
using System.Globalization;
using Conformance.Dcv.Relays;
using Conformance.Dcv.Wire;
using Conformance.Engine.DcvVirtualChannels.Broker;
using Conformance.Engine.Situations;
using Conformance.Protocols.Threading;
using Conformance.Reference.Dcv;

namespace Conformance.Engine.DcvVirtualChannels.Certification;

/// <summary>
/// One recorded session of an extension under test: the harness starts it as DCV would (from a DCV manifest it writes,
/// control channel on standard input and output, every frame to it handed over in pieces), answers its requests with
/// the reference broker, sets each of its channels up from a remote party of its own, echoes what arrives, and watches
/// until the extension goes quiet, exits, or the session's time is up. What the judges read is kept here.
/// </summary>
internal sealed class ExtensionSession(Recording recording, DcvExtensionTarget target) : IRecorded
{
    /// <summary>Every frame to the extension goes in three pieces, two milliseconds apart, the first this long (VC-16).</summary>
    public const int PieceBytes = 3;

    /// <summary>How long the remote party waits for the extension's next setup before it sets up those made so far.</summary>
    private static readonly TimeSpan HoldBack = TimeSpan.FromSeconds(3);

    /// <inheritdoc />
    public Recording Recording => recording;

    /// <summary>The extension under test.</summary>
    public DcvExtensionTarget Target => target;

    /// <summary>Everything the broker did and saw, in order.</summary>
    public IReadOnlyList<DcvBrokerJournalEntry> Journal { get; private set; } = [];

    /// <summary>Why the session could not show anything to judge: the extension did not start, or sent no request.</summary>
    public string? Missing { get; private set; }

    /// <summary>The exit code, when it exited before the harness closed its control channel.</summary>
    public int? ExitedOnItsOwn { get; private set; }

    /// <summary>Bytes it wrote to standard error over the whole session, and the first of them as text.</summary>
    public (long Bytes, string Text) StandardError { get; private set; }

    /// <summary>How long the session took, start to the end of the process.</summary>
    public TimeSpan Took { get; private set; }

    /// <summary>The journal entries concerning the extension (rather than the remote party).</summary>
    public IEnumerable<DcvBrokerJournalEntry> OfExtension => Journal.Where(entry => entry.Party == target.Name);

    /// <summary>Runs the session; the harness's cancellation bounds it as a whole.</summary>
    public async Task RunAsync(CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var folder = Directory.CreateTempSubdirectory("dcv-extension-").FullName;
        var broker = new DcvBroker(DcvBrokerOptions.Default with { ExitDeadline = target.Exit });
        ControlParty? remote = null;
        ExtensionProcess? extension = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var echoes = new List<Task>();
        var exitedBeforeClose = false;
        try
        {
            var manifest = Path.Combine(folder, "extension.json");
            await File.WriteAllTextAsync(manifest, new global::Conformance.Dcv.Manifest.DcvExtensionManifest
            {
                Name = target.Name,
                Description = "An extension under certification",
                Path = target.Command[0],
                StartOnServer = true,
                VirtualChannelNamespace = target.Namespace,
            }.ToJson(), cancellation).ConfigureAwait(false);
            remote = ControlParty.Attach(broker, BrokerScene.Remote, GetDcvInfoResponse.Types.DcvRole.Client, target.Namespace);
            var environment = target.Environment.ToDictionary(pair => pair.Key, pair => (string?)pair.Value);
            environment["CONFORMANCE_DCV_CHANNELS"] = target.Channels.ToString(CultureInfo.InvariantCulture);
            try
            {
                extension = await broker.StartExtensionAsync(
                    new ExtensionLaunch(manifest, GetDcvInfoResponse.Types.DcvRole.Server, target.Command, environment, target.WorkingDirectory,
                        input => new PieceByPieceStream(input, PieceBytes, TimeSpan.FromMilliseconds(2))),
                    cancellation).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is Processes.ProcessStartException or IOException or System.ComponentModel.Win32Exception)
            {
                Missing = $"the extension could not be started: {exception.Message}";
                return;
            }

            recording.Transcript.RegisterProcessId(extension.Process.ProcessId);
            await WatchAsync(broker, remote, extension, echoes, stop.Token).ConfigureAwait(false);
            exitedBeforeClose = extension.Process.Exited.IsCompleted;
            if (exitedBeforeClose)
            {
                // What it wrote last is read to its end first, so that a frame it cut off by exiting is seen as that (VC-01).
                await Task.WhenAny(extension.Session.Ended, Task.Delay(ControlParty.Bound, CancellationToken.None)).ConfigureAwait(false);
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            // The broker ends the extension it started (its control channel closed, the exit deadline, then its tree),
            // then every session; the remote party lets go of its pipes last.
            var steps = new List<Func<ValueTask>> { broker.DisposeAsync };
            if (remote is not null)
            {
                steps.Add(remote.DisposeAsync);
            }

            await Cleanup.RunAllAsync([.. steps]).ConfigureAwait(false);
            await Task.WhenAll(echoes).WaitAsync(ControlParty.Bound, CancellationToken.None).ConfigureAwait(false);
            if (extension is not null)
            {
                // An exit the broker caused (it ends an extension that breaks the framing) is not the extension's own.
                if (exitedBeforeClose && !extension.Process.EndedByHarness)
                {
                    ExitedOnItsOwn = await extension.Process.Exited.ConfigureAwait(false);
                }

                var error = extension.Process.StandardError;
                await error.Completion.WaitAsync(ControlParty.Bound, CancellationToken.None).ConfigureAwait(false);
                StandardError = (error.TotalBytes, error.Text.Length > 300 ? error.Text[..300] + "…" : error.Text);
            }

            Journal = broker.Journal.Entries;
            foreach (var ended in OfExtension.OfType<SessionEnded>())
            {
                recording.Note($"The broker ended the extension's control session: {ended.End.Description}");
            }
            Directory.Delete(folder, recursive: true);
            SessionTranscript.Write(recording, this, extension?.Process.EndedByHarness ?? false);
            Took = clock.Elapsed;
            if (Missing is null && !OfExtension.OfType<ControlMessageReceived>().Any())
            {
                Missing = ExitedOnItsOwn is { } code
                    ? $"the extension sent no request before it exited with code {code}"
                    : $"the extension sent no request in {target.Session.TotalSeconds:0.#} s";
            }
        }
    }

    // Serves the remote side of each channel the extension sets up, until the extension is quiet, gone, or out of time.
    // The remote party holds back until the extension has made as many setups as it was asked for (or has paused), so
    // that its channels are all pending when it asks for the fifth and the refusal comes whatever its pace (VC-07, VC-13).
    private async Task WatchAsync(DcvBroker broker, ControlParty remote, ExtensionProcess extension, List<Task> echoes, CancellationToken cancellation)
    {
        var seen = new HashSet<DcvBrokerJournalEntry>(ReferenceEqualityComparer.Instance);
        var held = new List<string>();
        var decided = 0;
        var released = false;
        var deadline = Stopwatch.StartNew();
        void Release()
        {
            echoes.AddRange(held.Select(channel => ServeRemoteEndAsync(remote, channel, cancellation)));
            held.Clear();
        }

        while (deadline.Elapsed < target.Session && !extension.Process.Exited.IsCompleted && !extension.Session.Ended.IsCompleted)
        {
            var left = target.Session - deadline.Elapsed;
            var wait = held.Count > 0 ? HoldBack : target.Quiet;
            var next = broker.Journal.WaitForAsync<DcvBrokerJournalEntry>(entry => !seen.Contains(entry), left < wait ? left : wait, cancellation);
            await Task.WhenAny(next, extension.Process.Exited, extension.Session.Ended).ConfigureAwait(false);
            if (!next.IsCompleted)
            {
                continue;
            }

            if (await next.ConfigureAwait(false) is null)
            {
                if (held.Count > 0)
                {
                    released = true;
                    Release();
                    continue;
                }

                // Quiet ends the session only once the extension made the setups it was asked for and each settled:
                // a slow start on a loaded machine is not taken for the end of its work.
                if (decided >= target.Channels && SettledOnEveryChannel(broker.Journal.Entries))
                {
                    return;
                }

                continue;
            }

            foreach (var entry in broker.Journal.Entries)
            {
                if (seen.Add(entry) && entry is SetupDecided setup && setup.Party == target.Name)
                {
                    decided++;
                    if (setup.Decision.IsSuccess)
                    {
                        held.Add(setup.Channel);
                    }
                }
            }

            if (decided >= target.Channels || released)
            {
                released = true;
                Release();
            }
        }

        Release();
    }

    // Quiet is the end only once every channel the extension set up was made ready or went away.
    private bool SettledOnEveryChannel(IReadOnlyList<DcvBrokerJournalEntry> entries)
    {
        var setUp = entries.OfType<SetupDecided>().Where(entry => entry.Party == target.Name && entry.Decision.IsSuccess).Select(entry => entry.Channel).ToHashSet(StringComparer.Ordinal);
        var settled = entries.Where(entry => entry is ChannelReady or ChannelClosed or RelayJudged).Select(entry => entry switch
        {
            ChannelReady ready => ready.Channel,
            ChannelClosed closed => closed.Channel,
            RelayJudged judged when judged.Party == target.Name => judged.Channel,
            _ => "",
        }).ToHashSet(StringComparer.Ordinal);
        return setUp.All(settled.Contains);
    }

    // The remote party's end: set up, relay opened from this process with the token, then every byte echoed back.
    private static async Task ServeRemoteEndAsync(ControlParty remote, string channel, CancellationToken cancellation)
    {
        try
        {
            var response = await remote.SetupAsync(channel).ConfigureAwait(false);
            if (response is not { Status: Response.Types.Status.Success })
            {
                return;
            }

            var setup = response.SetupVirtualChannelResponse;
            await using var relay = await RelayClient.ConnectAsync(setup.RelayPath, cancellation).ConfigureAwait(false);
            await relay.WriteAsync(setup.VirtualChannelAuthToken.Memory, cancellation).ConfigureAwait(false);
            await relay.FlushAsync(cancellation).ConfigureAwait(false);
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await relay.ReadAsync(buffer, cancellation).ConfigureAwait(false)) > 0)
            {
                await relay.WriteAsync(buffer.AsMemory(0, read), cancellation).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
            // The channel or the session ended: the remote end is over.
        }
    }
}
