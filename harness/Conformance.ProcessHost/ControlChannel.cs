using System.IO.Pipes;
using System.Text;
using Conformance.Processes;

namespace Conformance.ProcessHost;

/// <summary>The host's end of the control pipe: lines out, and one awaited command in.</summary>
internal sealed class ControlChannel : IAsyncDisposable
{
    private readonly NamedPipeClientStream _pipe;
    private readonly StreamWriter _writer;
    private readonly SemaphoreSlim _writing = new(1, 1);

    private ControlChannel(NamedPipeClientStream pipe)
    {
        _pipe = pipe;
        _writer = new StreamWriter(pipe, new UTF8Encoding(false)) { NewLine = "\n", AutoFlush = true };
    }

    public static async Task<ControlChannel> ConnectAsync(string name, TimeSpan bound)
    {
        var pipe = new NamedPipeClientStream(".", name, PipeDirection.InOut, PipeOptions.Asynchronous);
        await pipe.ConnectAsync(bound, CancellationToken.None);
        return new ControlChannel(pipe);
    }

    public async Task SendAsync(string line)
    {
        await _writing.WaitAsync();
        try
        {
            await _writer.WriteLineAsync(line);
        }
        catch (IOException)
        {
            // The harness has gone; the host ends everything anyway.
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>Completes when the harness says "end" or its end of the pipe closes.</summary>
    public async Task WaitForEndAsync()
    {
        using var reader = new StreamReader(_pipe, new UTF8Encoding(false), false, 256, leaveOpen: true);
        try
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                if (line == ProcessHostProtocol.End)
                {
                    return;
                }
            }
        }
        catch (IOException)
        {
            // Broken pipe: the harness is gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _writer.DisposeAsync();
        }
        catch (IOException)
        {
            // Nothing left to flush to.
        }

        await _pipe.DisposeAsync();
        _writing.Dispose();
    }
}
