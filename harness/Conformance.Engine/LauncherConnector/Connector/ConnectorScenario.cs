using System.Text.Json.Nodes;
using Conformance.Engine.Running;

namespace Conformance.Engine.LauncherConnector.Connector;

/// <summary>
/// One connector scenario's state: the configuration chosen by its Given steps and the sessions its When
/// steps ran (the comparison session of LC-C12 besides the main one).
/// </summary>
public sealed class ConnectorScenario(ScenarioContext context, ConnectorTarget target, ConnectivityGate gate, Validation.SchemaSet schemas) : IAsyncDisposable
{
    private readonly List<ConnectorSession> _sessions = [];

    /// <summary>The connector under test.</summary>
    public ConnectorTarget Target => target;

    /// <summary>The run's answer to "does the connector connect at all".</summary>
    public ConnectivityGate Gate => gate;

    /// <summary>The configuration the next session sends.</summary>
    public JsonObject? Configuration { get; set; }

    /// <summary>The session under judgement.</summary>
    public ConnectorSession Session => _sessions.LastOrDefault() ?? throw new InvalidOperationException("No connector session has run yet: a When step must run it first.");

    /// <summary>A fresh session for a new connector process.</summary>
    public ConnectorSession NewSession()
    {
        var session = new ConnectorSession(context, target, schemas);
        _sessions.Add(session);
        return session;
    }

    /// <summary>The configuration the Given steps chose.</summary>
    public JsonObject RequireConfiguration() =>
        Configuration ?? throw new InvalidOperationException("No configuration was chosen: a Given step must choose one.");

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var session in _sessions)
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }
    }
}
