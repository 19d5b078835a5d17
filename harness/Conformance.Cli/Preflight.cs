namespace Conformance.Cli;

/// <summary>
/// Checks, before any scenario runs, that what the run will write can be written: a run that would end in
/// "cannot write the report" after minutes of work stops at once instead, with what to do.
/// </summary>
internal static class Preflight
{
    private const string Probe = ".conformance-write-check";

    /// <summary>The report folder: a folder (created when missing) this account can write.</summary>
    public static void ReportDirectory(string path)
    {
        if (File.Exists(path))
        {
            throw new UsageException($"--report {path} is a file; give a folder for the report (it is created when missing).");
        }

        Writable(path, "--report");
    }

    /// <summary>The approved transcripts: a folder (none yet means every transcript is new), writable when approving.</summary>
    public static void SnapshotDirectory(string path, bool accept)
    {
        if (File.Exists(path))
        {
            throw new UsageException($"--snapshots {path} is a file; give the folder of approved transcripts.");
        }

        if (accept)
        {
            Writable(path, "--snapshots");
        }
    }

    /// <summary>The site's folder: new, empty, or a site written before (never someone's other files), and writable.</summary>
    public static void SiteDirectory(string path)
    {
        if (Engine.Documentation.SiteFolder.Problem(path) is { } problem)
        {
            throw new UsageException(problem);
        }

        Writable(path, "--out");
    }

    private static void Writable(string path, string option)
    {
        try
        {
            Directory.CreateDirectory(path);
            var probe = Path.Combine(path, Probe);
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option} {path} cannot be written: {exception.Message}");
        }
    }
}
