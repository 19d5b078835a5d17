using Conformance.Protocols.Framing;
using Conformance.Protocols.PipeMessaging;

namespace Conformance.Reference.PipeMessaging;

/// <summary>
/// One client's connection as a reference role holds it: a reader that hands every frame to the role's actor,
/// and a writer for the role's messages, in the form (JSON or XML) the peer last used. Disposing stops the
/// reader and closes the stream, which the peer reads as the end of the stream.
/// </summary>
internal sealed class FrameConnection : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly FrameWriter _writer;
    private readonly FrameOptions _options;
    private readonly Actor _actor;
    private readonly TimeProvider _time;
    private readonly TimeSpan _writeBound;
    private readonly CancellationTokenSource _stop = new();
    private int _disposed;

    public FrameConnection(int number, Stream stream, FrameOptions options, Actor actor, TimeProvider time, TimeSpan writeBound)
    {
        Number = number;
        _stream = stream;
        _options = options;
        _actor = actor;
        _time = time;
        _writeBound = writeBound;
        _writer = FrameWriter.ToStream(stream, options);
    }

    /// <summary>1 for the role's first connection, and so on.</summary>
    public int Number { get; }

    /// <summary>The form the role writes in: the one the peer last used, JSON until it has written.</summary>
    public PayloadKind Form { get; set; } = PayloadKind.Json;

    /// <summary>False once disposed.</summary>
    public bool IsOpen => Volatile.Read(ref _disposed) == 0;

    /// <summary>The reader's task, for a clean shutdown.</summary>
    public Task Reading { get; private set; } = Task.CompletedTask;

    /// <summary>Starts reading; every frame, fault or end is posted to the actor as <paramref name="onInbound"/>. Stops after the first that is not a frame.</summary>
    public void StartReading(Func<FrameConnection, Inbound, Task> onInbound) => Reading = ReadAsync(onInbound);

    /// <summary>Stops reading without closing: what the peer sends from now on is never looked at (PM-C01).</summary>
    public void StopReading() => _stop.Cancel();

    /// <summary>Writes <paramref name="message"/> in <see cref="Form"/>; false when the peer is gone or would not take it in time.</summary>
    public async Task<bool> SendAsync(PipeMessage message)
    {
        if (!IsOpen)
        {
            return false;
        }

        using var bound = new CancellationTokenSource(_writeBound, _time);
        try
        {
            await _writer.WriteAsync(PipeMessageCodec.Encode(message, Form), bound.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
            await _stream.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The peer is gone already; closing has nothing left to do.
        }
    }

    private async Task ReadAsync(Func<FrameConnection, Inbound, Task> onInbound)
    {
        await using var reader = FrameReader.FromStream(_stream, _options);
        while (true)
        {
            Inbound inbound;
            try
            {
                var read = await reader.ReadAsync(_stop.Token).ConfigureAwait(false);
                inbound = new Inbound(read, null);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is IOException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
            {
                if (_stop.IsCancellationRequested)
                {
                    return;
                }

                inbound = new Inbound(null, exception.Message);
            }

            _actor.Post(() => onInbound(this, inbound));
            if (inbound.Read is not { IsFrame: true })
            {
                return;
            }
        }
    }
}
