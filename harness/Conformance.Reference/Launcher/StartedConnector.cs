using System.Diagnostics;

namespace Conformance.Reference.Launcher;

/// <summary>A connector process the Launcher started; disposing ends it and its descendants.</summary>
public sealed class StartedConnector(Process process) : IAsyncDisposable
{
    /// <summary>The connector's process id.</summary>
    public int ProcessId { get; } = process.Id;

    /// <summary>Completes when the connector exits.</summary>
    public Task Exited => process.WaitForExitAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // It had already gone.
        }
        finally
        {
            process.Dispose();
        }
    }
}
