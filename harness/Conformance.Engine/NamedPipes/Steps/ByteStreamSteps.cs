using System.Globalization;
using System.Text;
using Conformance.Engine.Bindings;
using Conformance.Engine.Running;

namespace Conformance.Engine.NamedPipes.Steps;

/// <summary>NP-01: no message boundaries, no byte changed, in either direction.</summary>
[Binding]
internal sealed class ByteStreamSteps(PipeBench bench, ScenarioContext context)
{
    private byte[] _fromClient = [];
    private byte[] _fromServer = [];
    private Task _serverWrite = Task.CompletedTask;

    private Stream Client => bench.Clients[0];

    private Stream Server => bench.Accepted[0].Stream;

    [When("the client writes \"(.*)\", \"(.*)\" and \"(.*)\" as three separate writes")]
    public async Task WhenTheClientWritesThree(string first, string second, string third)
    {
        foreach (var text in new[] { first, second, third })
        {
            await Client.WriteAsync(Encoding.UTF8.GetBytes(text), context.Cancellation).ConfigureAwait(false);
            await Client.FlushAsync(context.Cancellation).ConfigureAwait(false);
        }

        context.Transcript.Add("client-wrote", new() { ["writes"] = 3 });
    }

    [When("the client writes \"(.*)\" as one write")]
    public Task WhenTheClientWritesOnce(string text)
    {
        _fromClient = Encoding.UTF8.GetBytes(text);
        return WriteAsync(Client, _fromClient);
    }

    [Then("the server reads \"(.*)\" in a single read once all (\\w+) bytes are there")]
    public async Task ThenTheServerReadsInOne(string expected, string _)
    {
        // The three writes have completed, so their bytes wait in the pipe; a byte stream hands them over together.
        var bytes = Encoding.UTF8.GetBytes(expected);
        var buffer = new byte[bytes.Length * 4];
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(context.Cancellation);
        bound.CancelAfter(PipeSteps.Promptly);
        var read = await Server.ReadAsync(buffer, bound.Token).ConfigureAwait(false);
        var got = Encoding.UTF8.GetString(buffer, 0, read);
        context.Expect(got == expected, $"one read returning \"{expected}\": the writes' boundaries are not kept",
            () => $"the first read returned \"{got}\" ({read} bytes)");
        context.Transcript.Add("server-read", new() { ["reads"] = 1, ["text"] = got });
    }

    [When("the server writes (\\d+) bytes in a single write")]
    public void WhenTheServerWritesMany(int count)
    {
        _fromServer = Pattern(count);

        // A write larger than the pipe's buffer completes only as the client reads, so it runs beside the reads.
        _serverWrite = WriteAsync(Server, _fromServer);
    }

    [Then("the client reads the same (\\d+) bytes back through reads of at most (\\d+) bytes each")]
    public async Task ThenTheClientReadsInPieces(int count, int chunk)
    {
        var (bytes, reads) = await StreamReading.ReadAsync(Client, count, PipeSteps.Promptly, chunk, context.Cancellation).ConfigureAwait(false);
        await _serverWrite.WaitAsync(PipeSteps.Promptly, context.Cancellation).ConfigureAwait(false);
        context.Expect(bytes.AsSpan().SequenceEqual(_fromServer), $"the {count} bytes of one write, unchanged, in reads of at most {chunk}",
            () => bytes.Length < count ? $"only {bytes.Length} bytes arrived" : $"the bytes differ from offset {FirstDifference(bytes, _fromServer)}");
        context.Transcript.Add("client-read", new() { ["bytes"] = bytes.Length, ["largestRead"] = chunk, ["severalReads"] = reads > 1 });
    }

    [When("the client writes the bytes ([0-9a-f ]+)")]
    public Task WhenTheClientWritesBytes(string hex)
    {
        _fromClient = Hex(hex);
        return WriteAsync(Client, _fromClient);
    }

    [When("the server writes the bytes ([0-9a-f ]+)")]
    public Task WhenTheServerWritesBytes(string hex)
    {
        _fromServer = Hex(hex);
        return WriteAsync(Server, _fromServer);
    }

    [When("the client writes every byte value from 00 to ff")]
    public Task WhenTheClientWritesAll()
    {
        _fromClient = AllByteValues();
        return WriteAsync(Client, _fromClient);
    }

    [When("the server writes every byte value from 00 to ff")]
    public Task WhenTheServerWritesAll()
    {
        _fromServer = AllByteValues();
        return WriteAsync(Server, _fromServer);
    }

    [Then("each end reads every byte value from 00 to ff, in order")]
    public async Task ThenEachEndReadsExactly()
    {
        var atServer = await StreamReading.ReadExactlyAsync(Server, _fromClient.Length, PipeSteps.Promptly, context.Cancellation).ConfigureAwait(false);
        var atClient = await StreamReading.ReadExactlyAsync(Client, _fromServer.Length, PipeSteps.Promptly, context.Cancellation).ConfigureAwait(false);
        context.Expect(atServer.AsSpan().SequenceEqual(_fromClient), $"the server reads {Describe(_fromClient)}", () => $"it read {Describe(atServer)}");
        context.Expect(atClient.AsSpan().SequenceEqual(_fromServer), $"the client reads {Describe(_fromServer)}", () => $"it read {Describe(atClient)}");
        context.Transcript.Add("both-read", new() { ["server"] = Describe(atServer), ["client"] = Describe(atClient) });
    }

    [Then("each end reads exactly the bytes ([0-9a-f ]+)")]
    public Task ThenEachEndReadsTheBytes(string _) => ThenEachEndReadsExactly();

    private async Task WriteAsync(Stream stream, byte[] bytes)
    {
        await stream.WriteAsync(bytes, context.Cancellation).ConfigureAwait(false);
        await stream.FlushAsync(context.Cancellation).ConfigureAwait(false);
    }

    private static byte[] Hex(string text) =>
        [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(pair => byte.Parse(pair, NumberStyles.HexNumber, CultureInfo.InvariantCulture))];

    private static byte[] AllByteValues() => [.. Enumerable.Range(0, 256).Select(value => (byte)value)];

    /// <summary>Bytes that are not all alike, so a lost or shifted stretch shows.</summary>
    private static byte[] Pattern(int count) => [.. Enumerable.Range(0, count).Select(index => (byte)((index * 31) ^ (index >> 8)))];

    private static string Describe(byte[] bytes) =>
        bytes.Length <= 16 ? Convert.ToHexString(bytes).ToLowerInvariant() : $"{bytes.Length} bytes starting {Convert.ToHexString(bytes, 0, 8).ToLowerInvariant()}";

    private static int FirstDifference(byte[] actual, byte[] expected)
    {
        var common = Math.Min(actual.Length, expected.Length);
        for (var index = 0; index < common; index++)
        {
            if (actual[index] != expected[index])
            {
                return index;
            }
        }

        return common;
    }
}
