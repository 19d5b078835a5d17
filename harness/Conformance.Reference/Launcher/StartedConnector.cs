using Conformance.Processes;

namespace Conformance.Reference.Launcher;

/// <summary>A connector process the Launcher started, contained below its process host; disposing ends it and everything it started.</summary>
public sealed class StartedConnector(SupervisedProcess process) : IAsyncDisposable
{
    /// <summary>The connector's process id.</summary>
    public int ProcessId => process.ProcessId;

    /// <summary>Completes when the connector exits of its own accord.</summary>
    public Task Exited => process.Exited;

    /// <summary>True when <paramref name="processId"/> is the connector or contained below its process host (LC-L16).</summary>
    public bool Contains(int processId) => process.Contains(processId);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => process.DisposeAsync();
}
