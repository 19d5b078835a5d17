using System.Buffers;
using System.IO.Pipelines;

namespace Conformance.Protocols.Framing;

/// <summary>
/// Reads length-prefixed frames — BE32 (PM-F01) unless the options name another <see cref="FrameFormat"/> —
/// from a pipe, reassembling them across any split of the byte stream (PM-F04). A bad header is judged from
/// its four bytes alone, so a hostile length costs nothing; a payload's buffer grows only with the bytes that
/// actually arrive. After a fault every later read returns the same fault: the caller is expected to drop the
/// connection.
/// </summary>
public sealed class FrameReader : IAsyncDisposable
{
    private static readonly Func<ReadOnlySequence<byte>, byte[]> CopyPayload = CopyOut;

    // How much a stream-backed reader asks of its stream at once.
    private const int StreamBufferSize = 64 * 1024;

    private readonly PipeReader _reader;
    private readonly bool _ownsReader;
    private readonly FrameScanner _scanner;
    private FrameReadResult? _final;

    /// <summary>Creates a reader over <paramref name="reader"/>, which stays the caller's to complete.</summary>
    public FrameReader(PipeReader reader, FrameOptions? options = null)
        : this(reader, options, ownsReader: false)
    {
    }

    private FrameReader(PipeReader reader, FrameOptions? options, bool ownsReader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
        _ownsReader = ownsReader;
        // A pipe this reader made reads its stream on demand: a payload may wait in it whole.
        _scanner = new FrameScanner(reader, options ?? FrameOptions.Default, fillsOnDemand: ownsReader);
    }

    /// <summary>Creates a reader over <paramref name="stream"/>; disposing the reader leaves the stream open.</summary>
    public static FrameReader FromStream(Stream stream, FrameOptions? options = null)
    {
        // Stryker disable once Statement : PipeReader.Create refuses a missing stream with the same exception and parameter name
        ArgumentNullException.ThrowIfNull(stream);
        // Reads of up to 64 KiB: a large frame costs a few system calls, not one per 4 KiB.
        return new FrameReader(PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: StreamBufferSize, minimumReadSize: StreamBufferSize / 4, leaveOpen: true)), options, ownsReader: true);
    }

    /// <summary>Bytes taken from the stream so far.</summary>
    public long BytesRead => _scanner.BytesRead;

    /// <summary>Reads the next frame, or reports the clean end of the stream or the fault that ends it.</summary>
    /// <exception cref="OperationCanceledException">The read was cancelled; a later read resumes the same frame.</exception>
    public async ValueTask<FrameReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (_final is not null)
        {
            return _final;
        }

        var step = await _scanner.ReadAsync(CopyPayload, cancellationToken).ConfigureAwait(false);
        return step.IsFrame
            ? FrameReadResult.Frame(step.Position, step.Value!)
            : _final = FrameReadResult.Final(step.Position, step.Fault);
    }

    /// <summary>
    /// Reads the next frame and hands its payload to <paramref name="consume"/> where it lies in the reader's
    /// buffer, without copying it: for a receiver that decodes at once. The sequence is valid only during the
    /// call; the result is the one <see cref="ReadAsync(CancellationToken)"/> gives, its payload left empty.
    /// </summary>
    /// <exception cref="OperationCanceledException">The read was cancelled; a later read resumes the same frame.</exception>
    public async ValueTask<FrameReadResult> ReadAsync(Action<ReadOnlySequence<byte>> consume, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(consume);
        if (_final is not null)
        {
            return _final;
        }

        var step = await _scanner.ReadAsync(payload =>
        {
            consume(payload);
            return Array.Empty<byte>();
        }, cancellationToken).ConfigureAwait(false);
        return step.IsFrame
            ? FrameReadResult.Frame(step.Position, step.Value!)
            : _final = FrameReadResult.Final(step.Position, step.Fault);
    }

    // Every byte of the array is overwritten at once, so it need not be zeroed first.
    private static byte[] CopyOut(ReadOnlySequence<byte> payload)
    {
        var copy = GC.AllocateUninitializedArray<byte>((int)payload.Length);
        payload.CopyTo(copy);
        return copy;
    }

    /// <summary>Completes the pipe reader when this reader made it; the stream itself stays open.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_ownsReader)
        {
            await _reader.CompleteAsync().ConfigureAwait(false);
        }
    }
}
