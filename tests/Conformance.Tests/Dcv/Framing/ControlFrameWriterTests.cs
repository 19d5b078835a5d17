using System.Buffers;
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

    [Test]
    public void Refuses_a_missing_pipe_writer_or_stream()
    {
        Assert.That(() => new ControlFrameWriter<DcvMessage>((System.IO.Pipelines.PipeWriter)null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("writer"));
        Assert.That(() => new ControlFrameWriter<DcvMessage>((Stream)null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("stream"));
    }

    [Test]
    public async Task Refuses_a_missing_message()
    {
        await using var writer = new ControlFrameWriter<DcvMessage>(new MemoryStream());

        Assert.That(async () => await writer.WriteAsync(null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("message"));
        Assert.That(() => ControlFraming.Encode(null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("message"));
    }

    [Test]
    public async Task Writes_a_message_exactly_at_the_limit_and_says_which_limit_a_larger_one_breaks()
    {
        var message = ControlFrames.Setup("1", "a-long-channel-name", 1);
        var stream = new MemoryStream();
        await using var writer = new ControlFrameWriter<ExtensionMessage>(stream, ControlFraming.WithLimit(message.CalculateSize()));

        await writer.WriteAsync(message);
        Assert.That(stream.ToArray(), Is.EqualTo(ControlFraming.Encode(message)));

        await using var smaller = new ControlFrameWriter<ExtensionMessage>(new MemoryStream(), ControlFraming.WithLimit(10));
        Assert.That(async () => await smaller.WriteAsync(message),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.StartWith($"A message of {message.CalculateSize()} bytes is above the limit of 10."));
    }

    [Test]
    public async Task Disposing_a_writer_over_a_pipe_leaves_the_pipe_writer_to_its_caller_and_refuses_later_writes()
    {
        var pipe = new System.IO.Pipelines.Pipe();
        var writer = new ControlFrameWriter<DcvMessage>(pipe.Writer);

        await writer.DisposeAsync();
        await pipe.Writer.WriteAsync(new byte[] { 7 });

        var read = await pipe.Reader.ReadAsync();
        Assert.That(read.Buffer.ToArray(), Is.EqualTo(new byte[] { 7 }), "the caller still writes its pipe");
        Assert.That(async () => await writer.WriteAsync(new DcvMessage()), Throws.InstanceOf<ObjectDisposedException>());
    }

    [Test]
    public async Task Disposing_a_writer_over_a_stream_leaves_the_stream_open()
    {
        var stream = new MemoryStream();
        var writer = new ControlFrameWriter<DcvMessage>(stream);
        await writer.WriteAsync(new DcvMessage());

        await writer.DisposeAsync();

        Assert.That(stream.CanWrite, Is.True);
    }
}
