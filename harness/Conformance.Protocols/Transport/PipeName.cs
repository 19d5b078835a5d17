using System.Security.Cryptography;
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

    // Fewer random digits than this would make clashes between parallel runs plausible.
    private const int MinRandomHexDigits = 8;
    private const int MaxRandomHexDigits = 16;

    /// <summary>
    /// A fresh name no other run or scenario uses: <paramref name="prefix"/>, a dash and 16 random hex digits, or
    /// as few as 8 where the platform's path limit leaves less room (NP-10).
    /// </summary>
    /// <exception cref="ArgumentException">Not even 8 digits fit: on Unix, the temp directory (<c>TMPDIR</c>) is too long.</exception>
    public static string NewUnique(string prefix = "conformance")
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (!OperatingSystem.IsWindows())
        {
            return NewUnique(prefix, Path.GetTempPath());
        }

        var room = MaxWindowsPipePathChars - WindowsPrefix.Length - prefix.Length - 1;
        return room >= MinRandomHexDigits
            ? Unique(prefix, room)
            : throw new ArgumentException(
                $"The pipe name prefix \"{prefix}\" leaves room for {room} random hex digits within Windows' {MaxWindowsPipePathChars} characters; a unique name needs {MinRandomHexDigits}.",
                nameof(prefix));
    }

    /// <summary>Where the Unix socket for <paramref name="name"/> lives (<c>$TMPDIR</c> or <c>/tmp</c>).</summary>
    public static string UnixSocketPath(string name) => UnixSocketPath(name, Path.GetTempPath());

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

    /// <summary>A fresh name whose Unix socket in <paramref name="tempDirectory"/> fits the path limit (NP-10).</summary>
    /// <exception cref="ArgumentException">Not even 8 random hex digits fit: the directory is too long.</exception>
    public static string NewUnique(string prefix, string tempDirectory)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var withoutDigits = UnixSocketPath(prefix + "-", tempDirectory);
        var room = MaxUnixSocketPathBytes - Encoding.UTF8.GetByteCount(withoutDigits);
        if (room < MinRandomHexDigits)
        {
            throw new ArgumentException(
                $"A unique pipe name does not fit: the socket path {withoutDigits} plus {MinRandomHexDigits} random hex digits exceeds the "
                + $"{MaxUnixSocketPathBytes} bytes Unix allows. The temp directory {tempDirectory} (TMPDIR) is "
                + $"{Encoding.UTF8.GetByteCount(tempDirectory)} bytes long: set TMPDIR to a shorter directory, such as /tmp"
                + (prefix.Length > MaxRandomHexDigits ? $", or use a prefix shorter than \"{prefix}\"." : "."),
                nameof(prefix));
        }

        return Unique(prefix, room);
    }

    /// <summary>Where the Unix socket for <paramref name="name"/> lives when the temp directory is <paramref name="tempDirectory"/>.</summary>
    public static string UnixSocketPath(string name, string tempDirectory) => Path.Combine(tempDirectory, UnixPrefix + name);

    private static string Unique(string prefix, int room) =>
        $"{prefix}-{RandomNumberGenerator.GetHexString(Math.Min(room, MaxRandomHexDigits), lowercase: true)}";
}
