using System.Globalization;
using System.Text;
using Conformance.Protocols.Transport;

namespace Conformance.Processes;

/// <summary>
/// The harness's end of one process host's control pipe: it learns the command's pid and exit, and tells the
/// host to end everything. Every wait is bounded; a host that goes away is reported, never waited for.
/// </summary>
internal sealed class HostControl : IAsyncDisposable
{
    // How long after the host's exit its already-queued connection is still looked for.
    private static readonly TimeSpan ReportAfterExitBound = TimeSpan.FromSeconds(1);

    private readonly PipeConnection _connection;
    private readonly StreamReader _reader;
    private readonly TaskCompletionSource<(int Code, TimeSpan? Cpu)> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<int?> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _listening;

    private HostControl(PipeConnection connection)
    {
        _connection = connection;
        _reader = new StreamReader(connection.Stream, new UTF8Encoding(false), false, 256, leaveOpen: true);
    }

    /// <summary>Completes with the command's exit code, and its CPU time where the platform tells it, when it exits of its own accord.</summary>
    public Task<(int Code, TimeSpan? Cpu)> Exited => _exited.Task;

    /// <summary>Completes once the host has ended everything: with how many processes were still running, or null if the host went away.</summary>
    public Task<int?> Ended => _ended.Task;

    /// <summary>Waits for the host to connect and report the start; returns the control and the command's pid.</summary>
    /// <exception cref="ProcessStartException">The command could not be started, or the host never reported.</exception>
    public static async Task<(HostControl Control, int ProcessId)> AcceptAsync(PipeServer server, Task hostExited, TimeSpan bound, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(bound);
        var accept = server.AcceptFirstClientAsync(timeout.Token);
        // A host that could not start the command reports it and exits at once: its connection is already queued
        // when its exit is seen, so the report is taken before the exit is believed to have come first.
        if (await Task.WhenAny(accept, hostExited).ConfigureAwait(false) != accept
            && await Task.WhenAny(accept, Task.Delay(ReportAfterExitBound, cancellationToken)).ConfigureAwait(false) != accept)
        {
            throw new ProcessStartException("the process host exited before it reported the start");
        }

        PipeConnection connection;
        try
        {
            connection = await accept.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProcessStartException($"the process host did not report within {bound.TotalSeconds:0} s");
        }

        var control = new HostControl(connection);
        try
        {
            var first = await control._reader.ReadLineAsync(timeout.Token).ConfigureAwait(false);
            var (word, rest) = Split(first);
            if (word == ProcessHostProtocol.Started && int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                control._listening = control.ListenAsync();
                return (control, pid);
            }

            throw new ProcessStartException(word == ProcessHostProtocol.Failed ? rest : $"the process host said \"{first}\" instead of reporting the start");
        }
        catch
        {
            await control.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Asks the host to end every process below it; completes when it has, or after <paramref name="bound"/>.</summary>
    /// <returns>How many processes were still running, or null when the host did not answer.</returns>
    public async Task<int?> EndAsync(TimeSpan bound)
    {
        try
        {
            var line = Encoding.UTF8.GetBytes(ProcessHostProtocol.End + "\n");
            await _connection.Stream.WriteAsync(line).ConfigureAwait(false);
            await _connection.Stream.FlushAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            _ended.TrySetResult(null);
        }

        try
        {
            return await _ended.Task.WaitAsync(bound).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync().ConfigureAwait(false);
        if (_listening is not null)
        {
            await _listening.ConfigureAwait(false);
        }

        _reader.Dispose();
        _ended.TrySetResult(null);
    }

    private async Task ListenAsync()
    {
        try
        {
            while (await _reader.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                var (word, rest) = Split(line);
                var fields = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (word == ProcessHostProtocol.Exited && fields.Length > 0 && int.TryParse(fields[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code))
                {
                    TimeSpan? cpu = fields.Length > 1 && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
                        ? TimeSpan.FromMilliseconds(milliseconds)
                        : null;
                    _exited.TrySetResult((code, cpu));
                }
                else if (word == ProcessHostProtocol.Ended)
                {
                    _ended.TrySetResult(int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The host went away.
        }

        _ended.TrySetResult(null);
    }

    private static (string Word, string Remainder) Split(string? line)
    {
        if (line is null)
        {
            return ("", "");
        }

        var space = line.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (line, "") : (line[..space], line[(space + 1)..]);
    }
}
