using System.Diagnostics;
using Conformance.Protocols.Transport;

namespace Conformance.Probing;

/// <summary>The two ends the probe can play. Each reports how long it waited and the CPU it used meanwhile.</summary>
internal static class ProbeEnds
{
    /// <summary>
    /// Connects once (no retry: a refusal is what is being looked for), then reads until the server closes or
    /// <paramref name="wait"/> passes.
    /// </summary>
    public static async Task ClientAsync(string name, TimeSpan wait, ProbeReport report)
    {
        var (stream, refusal) = await PipeClient.TryConnectOnceAsync(name);
        if (stream is null)
        {
            report.Line(("connected", false), ("refusal", refusal));
            return;
        }

        await using (stream)
        {
            report.Line(("connected", true));
            var (bytes, ended, at, waited, cpu) = await ReadUntilEndAsync(stream, wait);
            report.Line(("bytes", bytes), ("ended", ended), ("at", at), ("waitedMs", waited), ("cpuMs", cpu));
        }
    }

    /// <summary>Listens, waits for one client, then reads until that client closes; each wait bounded by <paramref name="wait"/>.</summary>
    public static async Task ServerAsync(string name, TimeSpan wait, ProbeReport report)
    {
        await using var listener = PipeListener.Listen(name);
        report.Line(("listening", true));
        var cpuBefore = ProbeReport.CpuTime();
        var clock = Stopwatch.StartNew();
        using var bound = new CancellationTokenSource(wait);
        PipeConnection? connection = null;
        try
        {
            connection = await listener.AcceptAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            // Reported below as no client.
        }

        report.Line(
            ("accepted", connection is not null), ("at", ProbeReport.Now()), ("waitedMs", clock.ElapsedMilliseconds), ("cpuMs", (long)(ProbeReport.CpuTime() - cpuBefore).TotalMilliseconds));
        if (connection is null)
        {
            return;
        }

        await using (connection)
        {
            var (bytes, ended, at, waited, cpu) = await ReadUntilEndAsync(connection.Stream, wait);
            report.Line(("bytes", bytes), ("ended", ended), ("at", at), ("waitedMs", waited), ("cpuMs", cpu));
        }
    }

    private static async Task<(long Bytes, bool Ended, long At, long WaitedMs, long CpuMs)> ReadUntilEndAsync(Stream stream, TimeSpan wait)
    {
        var cpuBefore = ProbeReport.CpuTime();
        var clock = Stopwatch.StartNew();
        using var bound = new CancellationTokenSource(wait);
        var buffer = new byte[4096];
        long total = 0;
        var ended = false;
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer, bound.Token);
                if (read == 0)
                {
                    ended = true;
                    break;
                }

                total += read;
            }
        }
        catch (OperationCanceledException)
        {
            // The wait ran out with the stream still open.
        }
        catch (IOException)
        {
            // A reset is an end too.
            ended = true;
        }

        return (total, ended, ProbeReport.Now(), clock.ElapsedMilliseconds, (long)(ProbeReport.CpuTime() - cpuBefore).TotalMilliseconds);
    }
}
