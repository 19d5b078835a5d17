using Conformance.Engine.DcvVirtualChannels.Certification;

namespace Conformance.Tests.Engine.DcvVirtualChannels.Certification;

public class PieceByPieceStreamTests
{
    [Test]
    public async Task Hands_every_write_over_in_three_pieces_cutting_its_header_in_order()
    {
        var inner = new RecordingStream();
        await using var stream = new PieceByPieceStream(inner, 3, TimeSpan.Zero);
        var bytes = Enumerable.Range(0, 20).Select(i => (byte)i).ToArray();

        await stream.WriteAsync(bytes);

        Assert.That(inner.Writes.Select(write => write.Length), Is.EqualTo(new[] { 3, 8, 9 }));
        Assert.That(inner.Writes.SelectMany(write => write), Is.EqualTo(bytes));
        Assert.That(inner.Flushes, Is.EqualTo(inner.Writes.Count), "each piece is flushed on its own");
    }

    private sealed class RecordingStream : MemoryStream
    {
        public List<byte[]> Writes { get; } = [];

        public int Flushes { get; private set; }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Writes.Add(buffer.ToArray());
            return ValueTask.CompletedTask;
        }

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            Flushes++;
            return Task.CompletedTask;
        }
    }
}
