namespace Conformance.Processes;

/// <summary>
/// A .NET process that is killed cannot remove its diagnostic endpoints — a socket and two FIFOs in the temp
/// folder, named by its pid and start time — so every .NET process the harness ends would leave three entries
/// behind. The harness removes them for the processes it ended, and only those.
/// </summary>
public static class RuntimeLeftovers
{
    /// <summary>Removes the endpoints of the ended process <paramref name="processId"/>; returns how many there were.</summary>
    /// <param name="processId">The ended process.</param>
    /// <param name="startTime">Its start time as the process table gives it (the runtime names its endpoints with it, so a reused pid is never touched).</param>
    /// <param name="tempDirectory">The temp folder it used; the harness's own by default.</param>
    public static int RemoveFor(int processId, ulong startTime, string? tempDirectory = null)
    {
        if (OperatingSystem.IsWindows())
        {
            return 0;
        }

        var folder = tempDirectory ?? Path.GetTempPath();
        var removed = 0;
        foreach (var name in (string[])[$"dotnet-diagnostic-{processId}-{startTime}-socket", $"clr-debug-pipe-{processId}-{startTime}-in", $"clr-debug-pipe-{processId}-{startTime}-out"])
        {
            var path = Path.Combine(folder, name);
            try
            {
                if (File.Exists(path))
                {
                    File.Delete(path);
                    removed++;
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Another account's, or already gone: nothing of ours to clean.
            }
        }

        return removed;
    }
}
