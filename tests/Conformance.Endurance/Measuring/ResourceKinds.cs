using System.Text.RegularExpressions;

namespace Conformance.Endurance.Measuring;

/// <summary>
/// Sorts file descriptors, threads and temp folder entries into kinds (a socket, a pipe, an eventfd, a file path
/// with its numbers masked; a thread's name), so that a growth can be traced to what grows.
/// </summary>
internal static partial class ResourceKinds
{
    /// <summary>This process's descriptors by kind; empty where /proc is not there.</summary>
    public static IReadOnlyDictionary<string, int> Descriptors()
    {
        if (!OperatingSystem.IsLinux())
        {
            return new Dictionary<string, int>();
        }

        var kinds = new List<string>();
        foreach (var entry in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            try
            {
                kinds.Add(DescriptorKind(new FileInfo(entry).LinkTarget ?? "?"));
            }
            catch (IOException)
            {
                // Closed between the listing and the look (the listing's own descriptor is one).
            }
        }

        return Count(kinds);
    }

    /// <summary>This process's threads by name (".NET TP Worker", ".NET Sockets"…); empty where /proc is not there.</summary>
    public static IReadOnlyDictionary<string, int> Threads()
    {
        if (!OperatingSystem.IsLinux())
        {
            return new Dictionary<string, int>();
        }

        var names = new List<string>();
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                names.Add(File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n'));
            }
            catch (IOException)
            {
                // Ended between the listing and the look.
            }
        }

        return Count(names);
    }

    /// <summary>Entry names by kind: numbers and long hex runs masked, so one kind of leftover counts once per kind.</summary>
    public static IReadOnlyDictionary<string, int> TempEntries(IEnumerable<string> names) => Count(names.Select(Masked));

    /// <summary>The kinds whose count changed from <paramref name="from"/> to <paramref name="to"/>, with the change.</summary>
    public static IReadOnlyList<KeyValuePair<string, int>> Changes(IReadOnlyDictionary<string, int> from, IReadOnlyDictionary<string, int> to) =>
        from.Keys.Union(to.Keys)
            .Select(kind => KeyValuePair.Create(kind, to.GetValueOrDefault(kind) - from.GetValueOrDefault(kind)))
            .Where(change => change.Value != 0)
            .OrderByDescending(change => change.Value)
            .ThenBy(change => change.Key, StringComparer.Ordinal)
            .ToList();

    private static string DescriptorKind(string target) => target switch
    {
        _ when target.StartsWith("socket:", StringComparison.Ordinal) => "socket",
        _ when target.StartsWith("pipe:", StringComparison.Ordinal) => "pipe",
        _ when target.StartsWith("anon_inode:", StringComparison.Ordinal) => target,
        _ => Masked(target),
    };

    private static string Masked(string name) => Numbers().Replace(name, "#");

    private static Dictionary<string, int> Count(IEnumerable<string> kinds) =>
        kinds.GroupBy(kind => kind, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);

    [GeneratedRegex("[0-9a-f]{8,}|[0-9]+")]
    private static partial Regex Numbers();
}
