using Conformance.Reference.Dcv;
using Conformance.Tests.Support;

namespace Conformance.Tests.Reference.Dcv;

/// <summary>The broker's relay between streams it cannot splice (VC-12): the copy through a buffer.</summary>
public class RelayPumpTests
{
    [Test]
    public async Task Carries_bytes_unchanged_both_ways_between_streams_that_are_not_sockets()
    {
        using var leftPair = new UnixSocketPair();
        using var rightPair = new UnixSocketPair();
        var relaying = RelayPump.RunAsync(new NotASocket(leftPair.Right), new NotASocket(rightPair.Left));
        var leftToRight = RelayBytes.Random(300 * 1024 + 7);
        var rightToLeft = RelayBytes.Random(513);

        var (atRight, atLeft) = await RelayBytes.CarryBothWaysAsync(leftPair.Left, rightPair.Right, leftToRight, rightToLeft);

        Assert.That(atRight, Is.EqualTo(leftToRight));
        Assert.That(atLeft, Is.EqualTo(rightToLeft));
        Assert.That(relaying.IsCompleted, Is.False, "both ends are still open");
    }

    [Test]
    public async Task Ends_when_one_side_closes_while_the_other_stays_idle()
    {
        using var leftPair = new UnixSocketPair();
        using var rightPair = new UnixSocketPair();
        var relaying = RelayPump.RunAsync(new NotASocket(leftPair.Right), new NotASocket(rightPair.Left));

        leftPair.Left.Dispose();

        Assert.That(async () => await relaying.WaitAsync(ScriptedParty.Bound), Throws.Nothing);
    }

    // Nothing awaits a direction's own task, so a failure it let out would surface only as an unobserved task exception.
    [TestCase(typeof(IOException))]
    [TestCase(typeof(ObjectDisposedException))]
    [TestCase(typeof(System.Net.Sockets.SocketException))]
    [TestCase(typeof(OperationCanceledException))]
    public async Task Takes_an_end_going_away_as_the_end_of_the_relay_leaving_no_failure_behind(Type failure)
    {
        var marker = Guid.NewGuid().ToString("N");
        var unobserved = new List<Exception>();
        void Note(object? sender, UnobservedTaskExceptionEventArgs args)
        {
            lock (unobserved)
            {
                unobserved.AddRange(args.Exception.Flatten().InnerExceptions.Where(exception => exception.Data[nameof(marker)] as string == marker));
            }
        }

        TaskScheduler.UnobservedTaskException += Note;
        try
        {
            await RelayBetweenFailingEndsAsync(failure, marker);

            // A faulted task nothing refers to reports its failure when it is finalized.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= Note;
        }

        Assert.That(unobserved, Is.Empty);
    }

    // Not inlined, so no reference to the relay's tasks outlives it.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static async Task RelayBetweenFailingEndsAsync(Type failure, string marker)
    {
        Exception Failure()
        {
            var exception = failure == typeof(System.Net.Sockets.SocketException)
                ? new System.Net.Sockets.SocketException()
                : (Exception)Activator.CreateInstance(failure, "gone")!;
            exception.Data["marker"] = marker;
            return exception;
        }

        await RelayPump.RunAsync(new FailingEnd(Failure), new FailingEnd(Failure)).WaitAsync(ScriptedParty.Bound);
    }

    // An end that fails every read and write as a connection gone away would.
    private sealed class FailingEnd(Func<Exception> failure) : NotASocket(Stream.Null)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            throw failure();
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromException(failure());
    }

    // A socket's stream hidden behind another stream, so the pump cannot splice and copies instead.
    private class NotASocket(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(buffer, cancellationToken);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.WriteAsync(buffer, cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override void Flush() => inner.Flush();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
