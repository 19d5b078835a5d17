using System.IO.Pipelines;
using System.Threading.Channels;
using Conformance.Dcv.Framing;
using Conformance.Dcv.Wire;

namespace Conformance.Reference.Dcv;

/// <summary>
/// One party's control channel to the broker: reads its requests in order and answers each (VC-02), and sends
/// it events. A malformed frame ends it at once (VC-01), as does a party that stops reading for longer than
/// the write deadline; either way its channels are torn down and the other parties told.
/// </summary>
public sealed class BrokerSession : IAsyncDisposable
{
    private const int OutboxCapacity = 64;
    private readonly DcvBroker _broker;
    private readonly PipeReader _input;
    private readonly PipeWriter _output;
    private readonly ControlFrameReader<ExtensionMessage> _reader;
    private readonly ControlFrameWriter<DcvMessage> _writer;
    // Stryker disable once Initializer,Boolean : only the write loop reads the outbox; SingleReader lets the channel take a faster path, nothing more
    private readonly Channel<Outgoing> _outbox = Channel.CreateBounded<Outgoing>(new BoundedChannelOptions(OutboxCapacity) { SingleReader = true });
    private readonly TaskCompletionSource<SessionEnd> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;

    internal BrokerSession(DcvBroker broker, BrokerParty party, PipeReader input, PipeWriter output)
    {
        _broker = broker;
        Party = party;
        _input = input;
        _output = output;
        _reader = new ControlFrameReader<ExtensionMessage>(input, broker.Options.ControlFrames);
        _writer = new ControlFrameWriter<DcvMessage>(output, broker.Options.ControlFrames);
    }

    /// <summary>Who the party is.</summary>
    public BrokerParty Party { get; }

    /// <summary>Completes when the session ends, with why.</summary>
    public Task<SessionEnd> Ended => _ended.Task;

    /// <summary>Completes once the session has ended and let go of its channel and pipes.</summary>
    public Task Closed => _running;

    internal HashSet<string> Held { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, HashSet<string>> EarlierTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>Ends the session as the broker's own decision, and waits until it has let go of everything.</summary>
    public async Task StopAsync(string why = "the broker stopped")
    {
        End(SessionEndReason.Stopped, why);
        await _running.ConfigureAwait(false);
    }

    /// <summary>Stops the session and releases what it holds.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _reader.DisposeAsync().ConfigureAwait(false);
        await _writer.DisposeAsync().ConfigureAwait(false);

        // _stop is not disposed: another thread's End may have won the race to end the session and still be about to
        // cancel it, and a source with no timer and no linked token holds nothing to release.
    }

    internal void Start()
    {
        var reading = Task.Run(ReadLoopAsync);
        var writing = Task.Run(WriteLoopAsync);
        _running = CloseAfterAsync(reading, writing);
    }

    /// <summary>Queues an event; false when the session has ended first.</summary>
    internal async Task<bool> SendAsync(DcvMessage message)
    {
        var item = new Outgoing(message);
        try
        {
            await _outbox.Writer.WriteAsync(item).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            return false;
        }

        return await item.Written.Task.ConfigureAwait(false);
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (!_ended.Task.IsCompleted)
            {
                var result = await _reader.ReadAsync(_stop.Token).ConfigureAwait(false);
                if (result.IsEnd)
                {
                    End(SessionEndReason.ControlChannelEnded, $"the control channel ended after {result.FrameNumber} frames");

                    // Stryker disable once Statement : End has just completed _ended, so the loop's own condition stops it the same
                    return;
                }

                if (result.Message is not { } message)
                {
                    // VC-01: a malformed frame ends the session promptly, with the frame, offset and fault named.
                    End(SessionEndReason.MalformedFrame, result.Description!);
                    return;
                }

                _broker.Journal.Add(new ControlMessageReceived(_broker.Now, Party.Name, message));
                if (message.MsgCase != ExtensionMessage.MsgOneofCase.Request)
                {
                    End(SessionEndReason.NoRequest,
                        $"frame {result.FrameNumber} at byte {result.Offset}: the {result.DeclaredLength}-byte ExtensionMessage carries no request");
                    return;
                }

                var answer = await _broker.AnswerAsync(this, message.Request).ConfigureAwait(false);
                // An unsent response means the session has ended, which ends the loop.
                var sent = await SendAsync(answer.Response).ConfigureAwait(false);
                if (answer.AfterSent is not null && (sent || answer.EvenIfUnsent))
                {
                    await answer.AfterSent().ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Ended from elsewhere.
        }
    }

    private async Task WriteLoopAsync()
    {
        var options = _broker.Options;
        await foreach (var item in _outbox.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (_ended.Task.IsCompleted)
            {
                item.Written.TrySetResult(false);

                // Stryker disable once Statement : a write with the session's token already cancelled fails at once and is answered false below, the same
                continue;
            }

            var write = _writer.WriteAsync(item.Message, _stop.Token).AsTask();
            try
            {
                await write.WaitAsync(options.ControlWriteDeadline, options.TimeProvider).ConfigureAwait(false);
                _broker.Journal.Add(new ControlMessageSent(_broker.Now, Party.Name, item.Message));
                item.Written.TrySetResult(true);
            }
            catch (TimeoutException)
            {
                _ = write.ContinueWith(static task => task.Exception, TaskScheduler.Default);

                // The end is recorded before the waiting reader hears of the failure, so the reason is this one.
                End(SessionEndReason.StoppedReading,
                    $"{Party.Name} did not read its control channel for {options.ControlWriteDeadline.TotalSeconds:0.###} s; a message was left unwritten");
                item.Written.TrySetResult(false);
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
            {
                End(SessionEndReason.ControlChannelEnded, $"the control channel to {Party.Name} closed while a message was being written");
                item.Written.TrySetResult(false);
            }
        }
    }

    private void End(SessionEndReason reason, string description)
    {
        var end = new SessionEnd(reason, description);
        if (!_ended.TrySetResult(end))
        {
            return;
        }

        _broker.Journal.Add(new SessionEnded(_broker.Now, Party.Name, end));
        _stop.Cancel();
        _outbox.Writer.TryComplete();

        // Stryker disable once Statement : the pending flush was given _stop's token, cancelled above, so this only repeats the cancel
        _output.CancelPendingFlush();

        // Stryker disable once Statement : the pending read was given _stop's token, cancelled above, so this only repeats the cancel
        _input.CancelPendingRead();
    }

    private async Task CloseAfterAsync(Task reading, Task writing)
    {
        await reading.ConfigureAwait(false);

        // Stryker disable once Statement,String : the read loop returns only once the session has ended (each exit follows an End, or a send refused because of one), so this End never wins
        End(SessionEndReason.Stopped, "the broker stopped");
        await writing.ConfigureAwait(false);
        await _input.CompleteAsync().ConfigureAwait(false);
        try
        {
            // A party that stopped reading may hold the last flush; its process is ended, which releases it.
            await _output.CompleteAsync().AsTask().WaitAsync(_broker.Options.ControlWriteDeadline, _broker.Options.TimeProvider).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or TimeoutException or InvalidOperationException or OperationCanceledException)
        {
            // The channel is gone either way.
        }

        await _broker.OnSessionEndedAsync(this).ConfigureAwait(false);
    }

    private sealed record Outgoing(DcvMessage Message)
    {
        public TaskCompletionSource<bool> Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
