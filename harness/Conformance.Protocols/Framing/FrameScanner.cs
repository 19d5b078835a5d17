using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;

namespace Conformance.Protocols.Framing;

/// <summary>
/// The one state machine behind every length-prefixed frame reader (BE32 for Pipe Messaging, LE32 for DCV): it
/// reassembles frames across any split of the byte stream (PM-F04, VC-16), judges a header from its four bytes
/// alone so that a hostile length costs nothing, and hands each whole payload to a decoder. A payload that lies
/// whole in the pipe's buffer is decoded where it lies, without a copy. One that arrives in pieces waits in the
/// pipe when the pipe fills from a stream on demand (nothing writes into it, so nothing is held back); over any
/// other pipe it is consumed as it arrives, so the pipe's writer is never held back, into one buffer reused from
/// frame to frame. After the end or a fault every later read returns the same outcome.
/// </summary>
internal sealed class FrameScanner
{
    // A claimed length is not trusted until its bytes arrive: start small and grow with them.
    private const int InitialPayloadCapacity = 64 * 1024;

    // A buffer grown for a large frame is let go afterwards, so an idle connection does not hold it.
    private const int KeptPayloadCapacity = 64 * 1024;

    // The payload length while no frame is in progress.
    private const int BetweenFrames = -1;

    private readonly PipeReader _reader;
    private readonly FrameFormat _format;
    private readonly int _maxPayloadBytes;
    private readonly bool _fillsOnDemand;

    // The frame in progress survives a cancelled read, so the next read resumes it.
    private long _frameNumber;
    private long _frameOffset;
    private int _length = BetweenFrames;
    private byte[] _partial = [];
    private int _filled;
    private FrameFinal? _final;

    /// <param name="reader">Where the bytes come from.</param>
    /// <param name="options">The format and the payload limit.</param>
    /// <param name="fillsOnDemand">
    /// True when the pipe reads from a stream only when asked (<see cref="PipeReader.Create(System.IO.Stream, StreamPipeReaderOptions?)"/>):
    /// a partial payload can then stay in it, and is decoded in place once whole instead of copied piece by piece.
    /// </param>
    public FrameScanner(PipeReader reader, FrameOptions options, bool fillsOnDemand = false)
    {
        _reader = reader;
        _fillsOnDemand = fillsOnDemand;
        _format = options.Format;
        _maxPayloadBytes = options.MaxPayloadBytes;
    }

    /// <summary>Bytes taken from the stream so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>
    /// Reads the next frame and decodes its payload with <paramref name="decode"/>, which must not keep the
    /// sequence past its return; or reports the clean end, or the fault that ends reading.
    /// </summary>
    /// <exception cref="OperationCanceledException">The read was cancelled; a later read resumes the same frame.</exception>
    public async ValueTask<FrameStep<T>> ReadAsync<T>(Func<ReadOnlySequence<byte>, T> decode, CancellationToken cancellationToken)
    {
        if (_final is not null)
        {
            return FrameStep<T>.Final(_final);
        }

        while (true)
        {
            var result = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (result.IsCanceled)
            {
                throw new OperationCanceledException("The pending frame read was cancelled.");
            }

            var buffer = result.Buffer;
            if (_length == BetweenFrames)
            {
                if (buffer.Length < FrameHeader.Size)
                {
                    if (result.IsCompleted)
                    {
                        _reader.AdvanceTo(buffer.End);
                        return FrameStep<T>.Final(_final = EndBetweenFrames(buffer.Length));
                    }

                    // Fewer than four bytes so far: keep them and wait for more.
                    _reader.AdvanceTo(buffer.Start, buffer.End);
                    continue;
                }

                if (TakeHeader(ref buffer) is { } fault)
                {
                    _reader.AdvanceTo(buffer.Start);
                    return FrameStep<T>.Final(_final = fault);
                }
            }

            if (_filled == 0 && buffer.Length >= _length)
            {
                // The whole payload is here: decode it in place.
                var payload = buffer.Slice(0, _length);
                try
                {
                    return FrameStep<T>.Frame(CompleteFrame(), decode(payload));
                }
                finally
                {
                    _reader.AdvanceTo(payload.End);
                }
            }

            // Stryker disable once Logical : a Pipe lets its writer go on once the reader has examined every byte, so waiting in place over a caller's pipe holds no writer back either; only where the partial payload waits differs
            var inPlace = _fillsOnDemand && _filled == 0;
            if (inPlace && !result.IsCompleted)
            {
                // Only the arrived bytes are held, as they would be in the partial buffer, but never copied.
                _reader.AdvanceTo(buffer.Start, buffer.End);
                continue;
            }

            var take = (int)Math.Min(buffer.Length, _length - _filled);
            Reserve(_filled + take);
            buffer.Slice(0, take).CopyTo(_partial.AsSpan(_filled));
            _filled += take;
            BytesRead += take;

            // Consume what was copied at once, so a pipe's writer is never held back by a large frame.
            _reader.AdvanceTo(buffer.GetPosition(take));
            if (_filled == _length)
            {
                var value = decode(new ReadOnlySequence<byte>(_partial, 0, _length));
                // Stryker disable all : whether a large buffer is let go or kept changes memory held, not any frame read
                if (_partial.Length > KeptPayloadCapacity)
                {
                    _partial = [];
                }

                // Stryker restore all

                return FrameStep<T>.Frame(CompleteFrame(), value);
            }

            if (result.IsCompleted)
            {
                return FrameStep<T>.Final(_final = new FrameFinal(
                    new FramePosition(_frameNumber, _frameOffset, FrameHeader.Size + _filled, _length),
                    new FrameFault(FrameError.EndInPayload, Describe(
                        $"the stream ended after {Count(_filled)} of the {Count(_length)} payload bytes; the partial payload is dropped"))));
            }
        }
    }

    // Reads the header off the front of the buffer; null once a valid length is in _length, else the fault.
    private FrameFinal? TakeHeader(ref ReadOnlySequence<byte> buffer)
    {
        Span<byte> header = stackalloc byte[FrameHeader.Size];
        buffer.Slice(0, FrameHeader.Size).CopyTo(header);
        buffer = buffer.Slice(FrameHeader.Size);
        _frameNumber++;
        _frameOffset = BytesRead;
        BytesRead += FrameHeader.Size;
        var length = FrameHeader.Read(header, _format);
        if (length == 0 && !_format.AllowsEmptyPayload)
        {
            return HeaderFault(FrameError.ZeroLength, length, "the length header is 0; a frame carries at least one payload byte");
        }

        if (length > FrameHeader.MaxLength)
        {
            return HeaderFault(FrameError.TopBitSet, length,
                $"the length header 0x{length:X8} has its top bit set; a length is at most {Count(FrameHeader.MaxLength)} (0x7FFFFFFF)");
        }

        if (length > _maxPayloadBytes)
        {
            return HeaderFault(FrameError.OverLimit, length,
                $"the length header claims {Count(length)} bytes, above this receiver's limit of {Count(_maxPayloadBytes)}; none of them were read");
        }

        _length = (int)length;
        _filled = 0;
        return null;
    }

    private FrameFinal HeaderFault(FrameError error, uint length, string what) =>
        new(new FramePosition(_frameNumber, _frameOffset, FrameHeader.Size, length), new FrameFault(error, Describe(what)));

    private FrameFinal EndBetweenFrames(long arrived)
    {
        if (arrived == 0)
        {
            return new FrameFinal(new FramePosition(_frameNumber, BytesRead, 0, null), null);
        }

        var position = new FramePosition(_frameNumber + 1, BytesRead, arrived, null);
        BytesRead += arrived;
        return new FrameFinal(position, new FrameFault(FrameError.EndInHeader,
            $"frame {position.FrameNumber} at byte {position.Offset}: the stream ended after {arrived} of the {FrameHeader.Size} length-header bytes"));
    }

    private FramePosition CompleteFrame()
    {
        if (_filled == 0)
        {
            BytesRead += _length;
        }

        var position = new FramePosition(_frameNumber, _frameOffset, FrameHeader.Size + _length, _length);
        _length = BetweenFrames;
        _filled = 0;
        return position;
    }

    private string Describe(string what) => $"frame {_frameNumber} at byte {_frameOffset}: {what}";

    // Grows the payload buffer to hold `needed` bytes, doubling but never past the frame's length.
    private void Reserve(int needed)
    {
        // Stryker disable once all : resizing a buffer that is already large enough keeps the bytes already copied, so only the cost differs
        if (needed <= _partial.Length)
        {
            return;
        }

        // Stryker disable once Linq : growing by less than double only resizes more often; the buffer always holds what is needed
        var doubled = Math.Max(InitialPayloadCapacity, 2L * _partial.Length);
        var grown = Math.Max(needed, doubled);
        var capacity = (int)Math.Min(_length, grown);
        Array.Resize(ref _partial, capacity);
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
