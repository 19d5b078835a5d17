using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Pipelines;

namespace Conformance.Protocols.Framing;

/// <summary>
/// Reads BE32 frames (PM-F01) from a pipe, reassembling them across any split of the byte stream
/// (PM-F04). A bad header is judged from its four bytes alone, so a hostile length costs nothing; a
/// payload's buffer grows only with the bytes that actually arrive. After a fault every later read
/// returns the same fault: the caller is expected to drop the connection.
/// </summary>
public sealed class FrameReader : IAsyncDisposable
{
    // A claimed length is not trusted until its bytes arrive: start small and grow with them.
    private const int InitialPayloadCapacity = 64 * 1024;

    // How much a stream-backed reader asks of its stream at once.
    private const int StreamBufferSize = 64 * 1024;

    private readonly PipeReader _reader;
    private readonly bool _ownsReader;
    private readonly int _maxPayloadBytes;

    // The frame in progress survives a cancelled read, so the next read resumes it.
    private long _frameNumber;
    private long _frameOffset;
    private uint? _length;
    private byte[] _payload = [];
    private int _filled;
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
        _maxPayloadBytes = (options ?? FrameOptions.Default).MaxPayloadBytes;
    }

    /// <summary>Creates a reader over <paramref name="stream"/>; disposing the reader leaves the stream open.</summary>
    public static FrameReader FromStream(Stream stream, FrameOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        // Reads of up to 64 KiB: a large frame costs a few system calls, not one per 4 KiB.
        return new FrameReader(PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: StreamBufferSize, minimumReadSize: StreamBufferSize / 4, leaveOpen: true)), options, ownsReader: true);
    }

    /// <summary>Bytes taken from the stream so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>Reads the next frame, or reports the clean end of the stream or the fault that ends it.</summary>
    /// <exception cref="OperationCanceledException">The read was cancelled; a later read resumes the same frame.</exception>
    public async ValueTask<FrameReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (_final is not null)
        {
            return _final;
        }

        if (_length is null && await ReadHeaderAsync(cancellationToken).ConfigureAwait(false) is { } headerOutcome)
        {
            return _final = headerOutcome;
        }

        return await ReadPayloadAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Completes the pipe reader when this reader made it; the stream itself stays open.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_ownsReader)
        {
            await _reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    // Returns null once a valid length is in _length, or the end or fault that stops reading.
    private async ValueTask<FrameReadResult?> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await ReadPipeAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (buffer.Length >= FrameHeader.Size)
            {
                Span<byte> header = stackalloc byte[FrameHeader.Size];
                buffer.Slice(0, FrameHeader.Size).CopyTo(header);
                _reader.AdvanceTo(buffer.GetPosition(FrameHeader.Size));
                _frameNumber++;
                _frameOffset = BytesRead;
                BytesRead += FrameHeader.Size;
                return Judge(BinaryPrimitives.ReadUInt32BigEndian(header));
            }

            if (result.IsCompleted)
            {
                var arrived = buffer.Length;
                _reader.AdvanceTo(buffer.End);
                if (arrived == 0)
                {
                    return FrameReadResult.End(_frameNumber, BytesRead);
                }

                var number = _frameNumber + 1;
                var offset = BytesRead;
                BytesRead += arrived;
                return FrameReadResult.Fault(FrameError.EndInHeader, number, offset, arrived, declared: null,
                    $"the stream ended after {arrived} of the {FrameHeader.Size} length-header bytes");
            }

            // Fewer than four bytes so far: keep them and wait for more.
            _reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private FrameReadResult? Judge(uint length)
    {
        if (length == 0)
        {
            return Fault(FrameError.ZeroLength, length, "the length header is 0; a frame carries at least one payload byte");
        }

        if (length > FrameHeader.MaxLength)
        {
            return Fault(FrameError.TopBitSet, length,
                $"the length header 0x{length:X8} has its top bit set; a length is at most {Count(FrameHeader.MaxLength)} (0x7FFFFFFF)");
        }

        if (length > _maxPayloadBytes)
        {
            return Fault(FrameError.OverLimit, length,
                $"the length header claims {Count(length)} bytes, above this receiver's limit of {Count((uint)_maxPayloadBytes)}; none of them were read");
        }

        _length = length;
        _filled = 0;
        return null;
    }

    private FrameReadResult Fault(FrameError error, uint length, string what) =>
        FrameReadResult.Fault(error, _frameNumber, _frameOffset, FrameHeader.Size, length, what);

    private async ValueTask<FrameReadResult> ReadPayloadAsync(CancellationToken cancellationToken)
    {
        var length = (int)_length!.Value;
        while (true)
        {
            var result = await ReadPipeAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var take = (int)Math.Min(buffer.Length, length - _filled);
            Reserve(_filled + take, length);
            buffer.Slice(0, take).CopyTo(_payload.AsSpan(_filled));
            _filled += take;
            BytesRead += take;

            // Consume what was copied at once, so a pipe's writer is never held back by a large frame.
            _reader.AdvanceTo(buffer.GetPosition(take));
            if (_filled == length)
            {
                var payload = _payload;
                _payload = [];
                _length = null;
                return FrameReadResult.Frame(_frameNumber, _frameOffset, payload);
            }

            if (result.IsCompleted)
            {
                return _final = FrameReadResult.Fault(FrameError.EndInPayload, _frameNumber, _frameOffset, FrameHeader.Size + _filled, length,
                    $"the stream ended after {Count((uint)_filled)} of the {Count((uint)length)} payload bytes; the partial payload is dropped");
            }
        }
    }

    private async ValueTask<ReadResult> ReadPipeAsync(CancellationToken cancellationToken)
    {
        var result = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (result.IsCanceled)
        {
            throw new OperationCanceledException("The pending frame read was cancelled.");
        }

        return result;
    }

    // Grows the payload buffer to hold `needed` bytes, doubling but never past the frame's length.
    private void Reserve(int needed, int length)
    {
        if (needed <= _payload.Length)
        {
            return;
        }

        var capacity = (int)Math.Min(length, Math.Max(needed, Math.Max(InitialPayloadCapacity, 2L * _payload.Length)));
        Array.Resize(ref _payload, capacity);
    }

    private static string Count(uint value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
