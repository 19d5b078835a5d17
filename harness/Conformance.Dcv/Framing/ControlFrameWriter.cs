using System.Buffers.Binary;
using System.IO.Pipelines;
using Conformance.Protocols.Framing;
using Google.Protobuf;

namespace Conformance.Dcv.Framing;

/// <summary>
/// Writes DCV control frames (VC-01): a 4-byte little-endian length, then the message encoded straight into
/// the pipe's buffer; one flush per frame; never a frame above the limit. Frames written from several tasks
/// (a response and an event racing) never interleave.
/// </summary>
/// <typeparam name="TMessage"><see cref="Wire.DcvMessage"/> (written by DCV) or <see cref="Wire.ExtensionMessage"/> (written by an extension).</typeparam>
public sealed class ControlFrameWriter<TMessage> : IAsyncDisposable
    where TMessage : class, IMessage<TMessage>
{
    private readonly PipeWriter _writer;
    private readonly bool _ownsWriter;
    private readonly FrameOptions _options;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Creates a writer over <paramref name="writer"/>, which stays the caller's to complete.</summary>
    /// <exception cref="ArgumentException"><paramref name="options"/> are not LE32.</exception>
    public ControlFrameWriter(PipeWriter writer, FrameOptions? options = null)
        : this(writer, options, ownsWriter: false)
    {
    }

    private ControlFrameWriter(PipeWriter writer, FrameOptions? options, bool ownsWriter)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        _ownsWriter = ownsWriter;
        _options = ControlFraming.Check(options);
    }

    /// <summary>Creates a writer over <paramref name="stream"/>; disposing the writer leaves the stream open.</summary>
    /// <exception cref="ArgumentException"><paramref name="options"/> are not LE32.</exception>
    public ControlFrameWriter(Stream stream, FrameOptions? options = null)
        : this(
            PipeWriter.Create(stream ?? throw new ArgumentNullException(nameof(stream)), new StreamPipeWriterOptions(leaveOpen: true)),
            options,
            // Stryker disable once Boolean : completing a stream's pipe writer, every frame already flushed, only returns its pooled buffers
            ownsWriter: true)
    {
    }

    /// <summary>Writes one frame carrying <paramref name="message"/> and flushes it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The encoded message is above the limit.</exception>
    /// <exception cref="IOException">The reading side has stopped.</exception>
    public async ValueTask WriteAsync(TMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var size = message.CalculateSize();
        if (size > _options.MaxPayloadBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(message), size, $"A message of {size} bytes is above the limit of {_options.MaxPayloadBytes}.");
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The length is little-endian (VC-01); the message is encoded straight into the pipe.
            BinaryPrimitives.WriteInt32LittleEndian(_writer.GetSpan(4), size);
            _writer.Advance(4);
            message.WriteTo(_writer);
            await FrameFlush.DeliverAsync(_writer, cancellationToken).ConfigureAwait(false);
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
}
