namespace Conformance.Endurance.Measuring;

/// <summary>
/// A temp folder of this check's own, made the process's TMPDIR before anything starts: the harness makes its
/// pipes there and every process it starts inherits it, so its socket files can be counted without those of
/// other programs on the machine. The path stays short, as a socket path may have 107 bytes at most.
/// </summary>
internal sealed class PrivateTempDirectory : IDisposable
{
    private const string Variable = "TMPDIR";
    private readonly string? _previous;

    private PrivateTempDirectory(string path, string? previous)
    {
        Path = path;
        _previous = previous;
    }

    /// <summary>The folder, which <see cref="System.IO.Path.GetTempPath"/> now returns.</summary>
    public string Path { get; }

    public static PrivateTempDirectory Enter()
    {
        var previous = Environment.GetEnvironmentVariable(Variable);
        var path = Directory.CreateTempSubdirectory("endurance-").FullName;
        Environment.SetEnvironmentVariable(Variable, path);
        if (!string.Equals(System.IO.Path.GetFullPath(System.IO.Path.GetTempPath()), System.IO.Path.GetFullPath(path + "/"), StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"TMPDIR was set to {path}, but the temp folder is still {System.IO.Path.GetTempPath()}.");
        }

        return new PrivateTempDirectory(path, previous);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(Variable, _previous);
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A socket file appearing while it is deleted: the folder is the check's own, and the figures have been taken.
        }
    }
}
