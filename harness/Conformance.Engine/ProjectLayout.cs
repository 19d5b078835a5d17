namespace Conformance.Engine;

/// <summary>Where the suite's features and schemas are: a folder holding both <c>features/</c> and <c>schemas/</c>.</summary>
internal sealed record ProjectLayout(string Root)
{
    /// <summary>The features folder.</summary>
    public string Features => Path.Combine(Root, "features");

    /// <summary>The schemas folder.</summary>
    public string Schemas => Path.Combine(Root, "schemas");

    /// <summary>
    /// Uses <paramref name="root"/> when given; otherwise looks upward from the current folder, then from the
    /// program's own folder, for the first folder with both <c>features/</c> and <c>schemas/</c>.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">No such folder; the message says where it looked.</exception>
    public static ProjectLayout Locate(string? root = null)
    {
        if (root is not null)
        {
            var full = Path.GetFullPath(root);
            return IsRoot(full) ? new ProjectLayout(full) : throw new DirectoryNotFoundException($"{full} has no features/ and schemas/ folders.");
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (IsRoot(directory.FullName))
                {
                    return new ProjectLayout(directory.FullName);
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"No folder with features/ and schemas/ above {Directory.GetCurrentDirectory()} or {AppContext.BaseDirectory}. Run from the suite's folder, or pass --root.");
    }

    private static bool IsRoot(string directory) =>
        Directory.Exists(Path.Combine(directory, "features")) && Directory.Exists(Path.Combine(directory, "schemas"));
}
