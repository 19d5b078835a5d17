using System.Buffers.Binary;
using Conformance.Dcv.Framing;
using Conformance.Dcv.Wire;
using Google.Protobuf;

namespace Conformance.Tests.Dcv.Framing;

public class ControlFrameWriterTests
{
    [Test]
    public async Task Writes_the_length_little_endian_then_exactly_the_encoded_message()
    {
        var stream = new MemoryStream();
        var message = new DcvMessage { Event = new Event { VirtualChannelReadyEvent = new VirtualChannelReadyEvent { VirtualChannelName = new string('n', 300) } } };

        await using (var writer = new ControlFrameWriter<DcvMessage>(stream))
        {
            await writer.WriteAsync(message);
        }

        var bytes = stream.ToArray();
        Assert.That(BinaryPrimitives.ReadInt32LittleEndian(bytes), Is.EqualTo(message.CalculateSize()));
        Assert.That(bytes[4..], Is.EqualTo(message.ToByteArray()));
        Assert.That(bytes, Is.EqualTo(ControlFraming.Encode(message)));
    }

    [Test]
    public async Task Writes_the_empty_message_as_a_zero_length()
    {
        var stream = new MemoryStream();
        await using var writer = new ControlFrameWriter<DcvMessage>(stream);

        await writer.WriteAsync(new DcvMessage());

        Assert.That(stream.ToArray(), Is.EqualTo(new byte[4]));
    }

    [Test]
    public async Task Refuses_a_message_above_the_limit_and_writes_nothing()
    {
        var stream = new MemoryStream();
        await using var writer = new ControlFrameWriter<ExtensionMessage>(stream, ControlFraming.WithLimit(10));

        Assert.That(async () => await writer.WriteAsync(ControlFrames.Setup("1", "a-long-channel-name", 1)), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(stream.Length, Is.Zero);
    }

    [Test]
    public async Task Never_interleaves_frames_written_from_several_tasks()
    {
        var pipe = new System.IO.Pipelines.Pipe();
        await using var writer = new ControlFrameWriter<ExtensionMessage>(pipe.Writer);
        var reader = new ControlFrameReader<ExtensionMessage>(pipe.Reader);
        var messages = Enumerable.Range(0, 200).Select(i => ControlFrames.Setup(i.ToString(System.Globalization.CultureInfo.InvariantCulture), new string('c', i * 97), i)).ToList();

        var writing = Task.WhenAll(messages.Select(message => Task.Run(async () => await writer.WriteAsync(message))));
        var received = new List<ExtensionMessage>();
        while (received.Count < messages.Count)
        {
            var result = await reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.That(result.IsMessage, result.Description);
            received.Add(result.Message!);
        }

        await writing;
        Assert.That(received, Is.EquivalentTo(messages));
    }
}
