using System.Text;

namespace Conformance.Engine.Documentation;

/// <summary>
/// The folder the site is written to. It must be new, empty, or a site written before — known by the marker file
/// <see cref="Marker"/>, which lists the files written — so that <c>docs</c> never overwrites or deletes anything
/// it did not write itself. Writing again removes the files the marker lists, then writes the new site.
/// </summary>
internal static class SiteFolder
{
    /// <summary>The marker file, at the site's root.</summary>
    public const string Marker = ".conformance-docs";

    private const string MarkerHeading = "# Written by conformance docs; the files below are replaced when it runs again.";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Why the site cannot go to <paramref name="directory"/>, or null when it can.</summary>
    public static string? Problem(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (File.Exists(directory))
        {
            return $"--out {directory} is a file; give a folder for the site (it is created when missing).";
        }

        if (Directory.Exists(directory) && !File.Exists(Path.Combine(directory, Marker)) && Directory.EnumerateFileSystemEntries(directory).Any())
        {
            return $"--out {directory} is not empty and holds no site written by conformance docs (no {Marker} file); give a new or empty folder, so nothing of yours is overwritten.";
        }

        return null;
    }

    /// <summary>Writes <paramref name="files"/> (path relative to the folder → text) into <paramref name="directory"/>, replacing the site written there before.</summary>
    /// <exception cref="InvalidOperationException">The folder is not one the site may go to (<see cref="Problem"/>).</exception>
    /// <exception cref="IOException">A file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">A file cannot be written.</exception>
    public static void Write(string directory, IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (Problem(directory) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        Directory.CreateDirectory(directory);
        RemovePrevious(directory);
        foreach (var (path, text) in files.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var full = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text, Utf8);
        }

        File.WriteAllText(Path.Combine(directory, Marker), MarkerHeading + "\n" + string.Concat(files.Keys.Order(StringComparer.Ordinal).Select(path => path + "\n")), Utf8);
    }

    // Only what the marker lists, and only inside the folder; folders left empty go too.
    private static void RemovePrevious(string directory)
    {
        var marker = Path.Combine(directory, Marker);
        if (!File.Exists(marker))
        {
            return;
        }

        var root = Path.GetFullPath(directory) + Path.DirectorySeparatorChar;
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(marker).Where(line => line.Length > 0 && !line.StartsWith('#')))
        {
            var full = Path.GetFullPath(Path.Combine(directory, line));
            if (!full.StartsWith(root, StringComparison.Ordinal))
            {
                continue;
            }

            File.Delete(full);
            for (var folder = Path.GetDirectoryName(full); folder is not null && folder.Length > root.Length - 1 && folder + Path.DirectorySeparatorChar != root; folder = Path.GetDirectoryName(folder))
            {
                folders.Add(folder);
            }
        }

        foreach (var folder in folders.OrderByDescending(folder => folder.Length))
        {
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }

        File.Delete(marker);
    }
}
