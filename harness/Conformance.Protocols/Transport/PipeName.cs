using System.Text;

namespace Conformance.Protocols.Transport;

/// <summary>
/// Pipe names and where they live: <c>\\.\pipe\NAME</c> on Windows, and on Unix the socket
/// <c>&lt;temp&gt;/CoreFxPipe_NAME</c> that .NET's own NamedPipeClientStream connects to.
/// </summary>
public static class PipeName
{
    /// <summary>Bytes usable in a Unix socket path (<c>sun_path</c> is 108 bytes with its NUL).</summary>
    public const int MaxUnixSocketPathBytes = 107;

    /// <summary>Characters allowed in the whole Windows pipe path <c>\\.\pipe\NAME</c>.</summary>
    public const int MaxWindowsPipePathChars = 256;

    private const string UnixPrefix = "CoreFxPipe_";
    private const string WindowsPrefix = @"\\.\pipe\";

    /// <summary>A fresh name no other run or scenario uses: <paramref name="prefix"/> and 16 random hex digits.</summary>
    public static string NewUnique(string prefix = "conformance") => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 17)];

    /// <summary>Where the Unix socket for <paramref name="name"/> lives (<c>$TMPDIR</c> or <c>/tmp</c>).</summary>
    public static string UnixSocketPath(string name) => Path.Combine(Path.GetTempPath(), UnixPrefix + name);

    /// <summary>The platform's full path for <paramref name="name"/>.</summary>
    public static string FullPath(string name) => OperatingSystem.IsWindows() ? WindowsPrefix + name : UnixSocketPath(name);

    /// <summary>Throws with a precise message when <paramref name="name"/> cannot be a pipe on this platform (NP-10).</summary>
    /// <exception cref="ArgumentException">The name is empty, has a separator or does not fit the platform's limit.</exception>
    public static void Validate(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name.IndexOfAny(['/', '\\', '\0']) >= 0)
        {
            throw new ArgumentException($"The pipe name \"{name}\" must be non-empty and contain no '/', '\\' or NUL.", nameof(name));
        }

        if (OperatingSystem.IsWindows())
        {
            var length = WindowsPrefix.Length + name.Length;
            if (length > MaxWindowsPipePathChars)
            {
                throw new ArgumentException($"The pipe path \\\\.\\pipe\\{name} has {length} characters; Windows allows {MaxWindowsPipePathChars}.", nameof(name));
            }

            return;
        }

        var path = UnixSocketPath(name);
        var bytes = Encoding.UTF8.GetByteCount(path);
        if (bytes > MaxUnixSocketPathBytes)
        {
            throw new ArgumentException(
                $"The socket path {path} has {bytes} bytes; Unix allows {MaxUnixSocketPathBytes}. Use a shorter pipe name or a shorter TMPDIR.",
                nameof(name));
        }
    }
}
