namespace Conformance.Reference.Launcher;

/// <summary>Starts connector processes; the harness substitutes one that observes what the Launcher does.</summary>
public interface IConnectorProcessStarter
{
    /// <summary>Starts the connector and returns its process.</summary>
    Task<StartedConnector> StartAsync(ConnectorStartRequest request, CancellationToken cancellationToken);
}
