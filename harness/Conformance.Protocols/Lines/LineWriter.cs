using System.Text;

namespace Conformance.Protocols.Lines;

/// <summary>Writes LF-terminated UTF-8 lines (no byte-order mark, no CR), one flush per line.</summary>
public sealed class LineWriter : IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly Stream _stream;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Creates a writer over <paramref name="stream"/>.</summary>
    public LineWriter(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
    }

    /// <summary>Writes <paramref name="line"/> and a LF; the line must not itself contain a LF.</summary>
    public async Task WriteLineAsync(string line, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Contains('\n'))
        {
            throw new ArgumentException("A line may not contain a line feed.", nameof(line));
        }

        var bytes = Utf8NoBom.GetBytes(line + "\n");
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();
}
