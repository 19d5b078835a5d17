namespace Conformance.Tests.Fixtures;

/// <summary>Finds the processes of a fixture, by a token the certification put in their environment.</summary>
internal static class FixtureProcesses
{
    /// <summary>Every process that has <paramref name="token"/> on its command line or in its environment.</summary>
    public static List<string> Carrying(string token)
    {
        var found = new List<string>();
        if (!OperatingSystem.IsLinux())
        {
            return found;
        }

        foreach (var pid in Conformance.Processes.ProcessTable.ProcessIds())
        {
            foreach (var file in new[] { "cmdline", "environ" })
            {
                try
                {
                    if (File.ReadAllText($"/proc/{pid}/{file}").Contains(token, StringComparison.Ordinal)
                        && Conformance.Processes.ProcessTable.IsAlive(pid))
                    {
                        found.Add($"{pid}: {string.Join(' ', Conformance.Processes.ProcessTable.TryRead(pid)?.CommandLine ?? [])}");
                        break;
                    }
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    // Gone, or not ours to read.
                }
            }
        }

        return found;
    }
}
