using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Conformance.Dcv.Framing;
using Conformance.Dcv.Wire;
using Conformance.Engine.DcvVirtualChannels.Broker;
using Conformance.Engine.Situations;
using Conformance.Processes;

namespace Conformance.Engine.DcvVirtualChannels.Certification;

/// <summary>
/// The extension as a receiver of a malformed frame (VC-01): started as DCV starts it, its first request is answered
/// with a length header whose top bit is set, and the harness watches how soon it ends the session — by exiting.
/// </summary>
internal sealed class MalformedFrameSession(Recording recording, DcvExtensionTarget target) : IRecorded
{
    /// <summary>The header sent instead of a response: LE32 0x80000010, a length no frame may have.</summary>
    public static readonly byte[] TopBitHeader = Header(0x8000_0010);

    /// <inheritdoc />
    public Recording Recording => recording;

    /// <summary>Why there was nothing to judge: it could not be started, or sent no request.</summary>
    public string? Missing { get; private set; }

    /// <summary>How long after the bad header the extension exited; null when it had not 2 s past the exit deadline.</summary>
    public TimeSpan? ExitedAfter { get; private set; }

    /// <summary>Its exit code, when it exited.</summary>
    public int? ExitCode { get; private set; }

    /// <summary>The extension under test.</summary>
    public DcvExtensionTarget Target => target;

    public async Task RunAsync(CancellationToken cancellation)
    {
        var environment = target.Environment.ToDictionary(pair => pair.Key, pair => (string?)pair.Value);
        environment["CONFORMANCE_DCV_CHANNELS"] = target.Channels.ToString(CultureInfo.InvariantCulture);
        SupervisedProcess process;
        try
        {
            process = await SupervisedProcess.StartAsync(new ProcessLaunch(target.Command, target.WorkingDirectory, environment, StandardOutputIsChannel: true), cancellation).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is ProcessStartException or IOException or System.ComponentModel.Win32Exception)
        {
            Missing = $"the extension could not be started: {exception.Message}";
            return;
        }

        await using (process)
        {
            try
            {
                await JudgeAsync(process, cancellation).ConfigureAwait(false);
            }
            finally
            {
                // Nothing more is read: let go of the channel, so the process's further output is only drained.
                await process.StandardOutputChannel!.CompleteAsync().ConfigureAwait(false);
            }
        }
    }

    // Answers its first request with the malformed header and times its exit.
    private async Task JudgeAsync(SupervisedProcess process, CancellationToken cancellation)
    {
        var reader = new ControlFrameReader<ExtensionMessage>(process.StandardOutputChannel!);
        ControlReadResult<ExtensionMessage>? first = null;
        try
        {
            first = await reader.ReadAsync(cancellation).AsTask().WaitAsync(ControlParty.Bound, cancellation).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Judged below: no request came.
        }

        if (first?.Message is not { Request: not null })
        {
            Missing = $"the extension sent no request to answer within {ControlParty.Bound.TotalSeconds:0} s";
            recording.Transcript.Add("no-request", null);
            return;
        }

        recording.Transcript.Add("request-received", new JsonObject { ["request"] = first.Message.Request.RequestCase.ToString() });
        var clock = Stopwatch.StartNew();
        try
        {
            await process.StandardInput.WriteAsync(TopBitHeader, cancellation).ConfigureAwait(false);
            await process.StandardInput.FlushAsync(cancellation).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // It closed its standard input already: the wait below says when it exited.
        }

        recording.Transcript.Add("malformed-frame-sent", new JsonObject { ["header"] = "0x80000010" });
        try
        {
            // Measured past the deadline, so that a late exit is reported with its time.
            ExitCode = await process.Exited.WaitAsync(target.Exit + TimeSpan.FromSeconds(2), cancellation).ConfigureAwait(false);
            ExitedAfter = clock.Elapsed;
        }
        catch (TimeoutException)
        {
            // Still running at the deadline: it is ended with its tree when the process is disposed.
        }

        recording.Transcript.Add("extension-ended", new JsonObject { ["exitedOnItsOwn"] = ExitedAfter is not null });
    }

    private static byte[] Header(uint length)
    {
        var header = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(header, length);
        return header;
    }
}
