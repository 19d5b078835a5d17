using Conformance.Tests.Support;

namespace Conformance.Tests.Reference.PipeMessaging;

/// <summary>A transport that is already broken: every read, write and (if asked) close fails, by default with an IOException as a pipe whose peer vanished does; counts its disposals.</summary>
internal sealed class BrokenStream(bool failOnDispose = false, Func<Exception>? failure = null) : TransportStream
{
    public const string Reason = "the pipe is broken";

    private readonly Func<Exception> _failure = failure ?? (() => new IOException(Reason));

    public int Disposals { get; private set; }

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override void Flush() => throw _failure();

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.FromException(_failure());

    public override int Read(byte[] buffer, int offset, int count) => throw _failure();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromException<int>(_failure());

    public override void Write(byte[] buffer, int offset, int count) => throw _failure();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromException(_failure());

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Disposals++;
        if (failOnDispose)
        {
            throw _failure();
        }
    }
}
