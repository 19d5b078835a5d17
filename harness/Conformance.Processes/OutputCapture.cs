using System.Buffers;
using System.IO.Pipelines;
using System.Text;

namespace Conformance.Processes;

/// <summary>
/// Drains one output stream of a process so it never blocks on a full pipe, keeps its first bytes for the
/// report, counts the rest, and searches all of it, as it streams, for the strings it was told to watch.
/// When the output is also a protocol channel (a DCV extension's standard output), every byte is forwarded, in
/// order, to a pipe the protocol reads; the process is then held back as far as that reader is, like a direct pipe.
/// </summary>
public sealed class OutputCapture
{
    /// <summary>How much of the output is kept for reports.</summary>
    public const int KeptBytes = 256 * 1024;

    private readonly Lock _gate = new();
    private readonly byte[] _kept = new byte[KeptBytes];
    private int _keptLength;
    private readonly IReadOnlyList<string> _watchFor;
    private readonly SearchValues<string>? _search;
    private readonly HashSet<string> _found = new(StringComparer.Ordinal);
    private readonly int _overlap;
    private readonly PipeWriter? _forward;
    private volatile bool _forwarding;

    /// <summary>Starts draining <paramref name="stream"/>.</summary>
    public OutputCapture(Stream stream, IReadOnlyList<string>? watchFor)
        : this(stream, watchFor, forward: null)
    {
    }

    /// <summary>
    /// Starts draining <paramref name="stream"/>, forwarding every byte to <paramref name="forward"/> (when given)
    /// until its reader completes or <see cref="StopForwarding"/> is called; the writer is completed at the end.
    /// </summary>
    public OutputCapture(Stream stream, IReadOnlyList<string>? watchFor, PipeWriter? forward)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _watchFor = watchFor ?? [];
        _overlap = _watchFor.Count == 0 ? 0 : _watchFor.Max(form => form.Length);

        // One vectorised multi-string search per read: a connector flooding its output must not slow the harness down.
        _search = _watchFor.Count == 0 ? null : SearchValues.Create(_watchFor.ToArray(), StringComparison.Ordinal);
        _forward = forward;
        _forwarding = forward is not null;
        Completion = Task.Run(() => DrainAsync(stream));
    }

    /// <summary>Completes at end of stream.</summary>
    public Task Completion { get; }

    /// <summary>Bytes written in all.</summary>
    public long TotalBytes { get; private set; }

    /// <summary>The watched strings seen so far.</summary>
    public IReadOnlyCollection<string> Found
    {
        get
        {
            lock (_gate)
            {
                return _found.ToList();
            }
        }
    }

    /// <summary>The kept output as text (invalid UTF-8 replaced), with a note when more was written.</summary>
    public string Text
    {
        get
        {
            lock (_gate)
            {
                var text = Encoding.UTF8.GetString(_kept, 0, _keptLength);
                return TotalBytes > _keptLength ? $"{text}\n… ({TotalBytes - _keptLength} more bytes not kept)" : text;
            }
        }
    }

    /// <summary>Stops forwarding (the reader has gone, or the process is being ended): the rest is only drained.</summary>
    public void StopForwarding()
    {
        _forwarding = false;
        _forward?.CancelPendingFlush();
    }

    private void Search(string window)
    {
        if (_search is null)
        {
            return;
        }

        var rest = window.AsSpan();
        for (var at = rest.IndexOfAny(_search); at >= 0; at = rest.IndexOfAny(_search))
        {
            rest = rest[at..];
            foreach (var form in _watchFor)
            {
                if (rest.StartsWith(form, StringComparison.Ordinal))
                {
                    _found.Add(form);
                }
            }

            rest = rest[1..];
        }
    }

    private async Task DrainAsync(Stream stream)
    {
        var buffer = new byte[16 * 1024];
        var decoder = Encoding.UTF8.GetDecoder();
        var chars = new char[Encoding.UTF8.GetMaxCharCount(buffer.Length)];
        var carry = "";
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                var count = decoder.GetChars(buffer, 0, read, chars, 0);
                var window = carry + new string(chars, 0, count);
                lock (_gate)
                {
                    TotalBytes += read;
                    var kept = Math.Min(KeptBytes - _keptLength, read);
                    buffer.AsSpan(0, kept).CopyTo(_kept.AsSpan(_keptLength));
                    _keptLength += kept;

                    Search(window);
                }

                // Keep enough of the tail that a watched string split across reads is still found.
                carry = _overlap > 1 && window.Length > 0 ? window[Math.Max(0, window.Length - (_overlap - 1))..] : "";
                await ForwardAsync(buffer.AsMemory(0, read)).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            // The process's end of the pipe went away: the output is over.
        }
        finally
        {
            if (_forward is not null)
            {
                await _forward.CompleteAsync().ConfigureAwait(false);
            }
        }
    }

    private async ValueTask ForwardAsync(ReadOnlyMemory<byte> bytes)
    {
        if (!_forwarding || _forward is null)
        {
            return;
        }

        var flushed = await _forward.WriteAsync(bytes).ConfigureAwait(false);
        if (flushed.IsCompleted || flushed.IsCanceled)
        {
            _forwarding = false;
        }
    }
}
