using System.Buffers;
using System.IO.Pipelines;

namespace Conformance.Protocols.Framing;

/// <summary>
/// Writes length-prefixed frames — BE32 (PM-F01) unless the options name another <see cref="FrameFormat"/> —
/// one flush per frame, and never a frame a receiver must refuse: no empty payload where the format forbids it
/// (PM-F06) and none above the limit. Frames written from several tasks never interleave.
/// </summary>
public sealed class FrameWriter : IAsyncDisposable
{
    private readonly PipeWriter _writer;
    private readonly bool _ownsWriter;
    private readonly FrameOptions _options;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Creates a writer over <paramref name="writer"/>, which stays the caller's to complete.</summary>
    public FrameWriter(PipeWriter writer, FrameOptions? options = null)
        : this(writer, options, ownsWriter: false)
    {
    }

    private FrameWriter(PipeWriter writer, FrameOptions? options, bool ownsWriter)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        _ownsWriter = ownsWriter;
        _options = options ?? FrameOptions.Default;
    }

    /// <summary>Creates a writer over <paramref name="stream"/>; disposing the writer leaves the stream open.</summary>
    public static FrameWriter ToStream(Stream stream, FrameOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        // Buffers of 64 KiB: a large frame reaches the stream in a few writes, not one per 4 KiB.
        return new FrameWriter(PipeWriter.Create(stream, new StreamPipeWriterOptions(minimumBufferSize: 64 * 1024, leaveOpen: true)), options, ownsWriter: true);
    }

    /// <summary>The bytes of one frame carrying <paramref name="payload"/>: its header, then the payload.</summary>
    /// <exception cref="ArgumentException">The payload is empty where the format forbids it, or above the limit.</exception>
    public static byte[] Encode(ReadOnlySpan<byte> payload, FrameOptions? options = null)
    {
        options ??= FrameOptions.Default;
        Check(payload.Length, options, nameof(payload));
        var frame = new byte[FrameHeader.Size + payload.Length];
        FrameHeader.Write(frame, (uint)payload.Length, options.Format);
        payload.CopyTo(frame.AsSpan(FrameHeader.Size));
        return frame;
    }

    /// <summary>Writes one frame carrying <paramref name="payload"/> and flushes it.</summary>
    /// <exception cref="ArgumentException">The payload is empty where the format forbids it, or above the limit.</exception>
    /// <exception cref="IOException">The reading side of the pipe has stopped.</exception>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default)
    {
        Check(payload.Length, _options, nameof(payload));
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            FrameHeader.Write(_writer.GetSpan(FrameHeader.Size), (uint)payload.Length, _options.Format);
            _writer.Advance(FrameHeader.Size);
            _writer.Write(payload.Span);
            var flushed = await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (flushed.IsCanceled)
            {
                throw new OperationCanceledException("The frame's flush was cancelled.");
            }

            if (flushed.IsCompleted)
            {
                throw new IOException("The reading side of the pipe has stopped; the frame was not delivered.");
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Completes the pipe writer when this writer made it; the stream itself stays open.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_ownsWriter)
        {
            await _writer.CompleteAsync().ConfigureAwait(false);
        }

        _gate.Dispose();
    }

    private static void Check(int length, FrameOptions options, string parameterName)
    {
        var maxPayloadBytes = options.MaxPayloadBytes;
        if (length == 0 && !options.Format.AllowsEmptyPayload)
        {
            throw new ArgumentException("A frame's payload may not be empty (PM-F06).", parameterName);
        }

        if (length > maxPayloadBytes)
        {
            throw new ArgumentOutOfRangeException(parameterName, length, $"A payload of {length} bytes is above the limit of {maxPayloadBytes}.");
        }
    }
}
