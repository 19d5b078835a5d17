using System.Buffers;
using System.Text;
using Conformance.Protocols.Text;

namespace Conformance.Protocols.Lines;

/// <summary>
/// Reads LF-terminated UTF-8 lines from a stream and reports what is wrong with each, instead of
/// throwing: a judge must see every defect and go on reading. A line over the limit is skipped
/// byte by byte after a short excerpt, so a peer sending a huge line cannot make the reader allocate it.
/// </summary>
public sealed class LineReader
{
    /// <summary>The default limit for one line: 1 MiB, without its LF.</summary>
    public const int DefaultMaxLineBytes = 1024 * 1024;

    /// <summary>How many leading bytes of an over-long line are kept for the report.</summary>
    public const int ExcerptBytes = 256;

    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly ArrayBufferWriter<byte> _line = new();
    private int _start;
    private int _end;
    private long _lineLength;
    private bool _skipping;
    private int _lineNumber;
    private bool _endOfStream;

    /// <summary>Creates a reader over <paramref name="stream"/> with a line limit in bytes.</summary>
    public LineReader(Stream stream, int maxLineBytes = DefaultMaxLineBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 1);
        _stream = stream;
        _maxLineBytes = maxLineBytes;
    }

    /// <summary>Total bytes read from the stream so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>Reads the next line; null once the stream has ended cleanly (after a LF, or empty).</summary>
    public async ValueTask<LineReadResult?> ReadLineAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                Append(_buffer.AsSpan(_start, newline - _start));
                _start = newline + 1;
                return Complete(terminated: true);
            }

            Append(_buffer.AsSpan(_start, _end - _start));
            _start = _end = 0;
            if (_endOfStream)
            {
                return _lineLength > 0 ? Complete(terminated: false) : null;
            }

            var read = await _stream.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                _endOfStream = true;
            }

            BytesRead += read;
            _end = read;
        }
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        _lineLength += bytes.Length;
        if (_skipping)
        {
            return;
        }

        // Keep one byte of slack over the limit so a trailing CR does not count against it.
        var room = _maxLineBytes + 1 - _line.WrittenCount;
        if (bytes.Length <= room)
        {
            _line.Write(bytes);
            return;
        }

        _skipping = true;
        var excerpt = _line.WrittenSpan[..Math.Min(ExcerptBytes, _line.WrittenCount)].ToArray();
        _line.Clear();
        _line.Write(excerpt);
        // Stryker disable once Arithmetic : a longer excerpt is cut to ExcerptBytes when the line completes
        _line.Write(bytes[..Math.Min(bytes.Length, ExcerptBytes - excerpt.Length)]);
    }

    private LineReadResult Complete(bool terminated)
    {
        _lineNumber++;
        var defects = new List<LineDefect>();
        var content = _line.WrittenSpan;
        var length = _lineLength;

        if (_lineNumber == 1 && content.StartsWith(Utf8Bom))
        {
            defects.Add(LineDefect.ByteOrderMark);
            content = content[Utf8Bom.Length..];
            length -= Utf8Bom.Length;
        }

        if (!_skipping && content.Length > 0 && content[^1] == (byte)'\r')
        {
            defects.Add(LineDefect.CarriageReturn);
            content = content[..^1];
            length--;
        }

        string? text = null;
        int? invalidAt = null;
        if (_skipping || length > _maxLineBytes)
        {
            defects.Add(LineDefect.TooLong);
            content = content[..Math.Min(content.Length, ExcerptBytes)];
        }
        else
        {
            invalidAt = Utf8Scan.FirstInvalid(content);
            if (invalidAt is null)
            {
                text = Encoding.UTF8.GetString(content);
            }
            else
            {
                defects.Add(LineDefect.InvalidUtf8);
            }
        }

        if (!terminated)
        {
            defects.Add(LineDefect.Unterminated);
        }

        var result = new LineReadResult(_lineNumber, length, content.ToArray(), text, defects, invalidAt);
        _line.Clear();
        _lineLength = 0;
        _skipping = false;
        return result;
    }
}
