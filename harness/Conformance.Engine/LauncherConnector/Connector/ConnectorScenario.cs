using Conformance.Engine.Running;
using Conformance.Engine.Situations;
using Conformance.Engine.Validation;

namespace Conformance.Engine.LauncherConnector.Connector;

/// <summary>
/// One connector scenario's state: the configuration its Given steps chose, and the recorded runs its steps
/// took in. A run is an act on a configuration; every scenario that asks for the same act on the same
/// configuration judges the same recording (a fresh one per scenario under --isolated).
/// </summary>
internal sealed class ConnectorScenario(ScenarioContext context, ConnectorTarget target, ConnectivityGate gate, SchemaSet schemas, SituationStore situations)
{
    private ConnectorSession? _session;

    /// <summary>The connector under test.</summary>
    public ConnectorTarget Target => target;

    /// <summary>The run's answer to "does the connector connect at all".</summary>
    public ConnectivityGate Gate => gate;

    /// <summary>The configuration the next act uses.</summary>
    public ConfigurationChoice? Configuration { get; set; }

    /// <summary>The recorded run under judgement: the last one a step took in.</summary>
    public ConnectorSession Session => _session ?? throw new InvalidOperationException("No connector session has been recorded yet: a When step must run one first.");

    /// <summary>The configuration the Given steps chose.</summary>
    public ConfigurationChoice RequireConfiguration() =>
        Configuration ?? throw new InvalidOperationException("No configuration was chosen: a Given step must choose one.");

    /// <summary>
    /// The recording of <paramref name="act"/> (named <paramref name="name"/>) on <paramref name="configuration"/>:
    /// made now if no scenario made it yet, else shared. It becomes the session under judgement.
    /// </summary>
    public async Task<ConnectorSession> RecordAsync(string name, ConfigurationChoice configuration, Func<ConnectorSession, Task> act)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(act);
        _session = await situations.RecordAsync(
            context,
            new Situation(name, configuration.Name),
            async (recording, cancellation) =>
            {
                var session = new ConnectorSession(recording, target, schemas, configuration.Build(target), cancellation);
                try
                {
                    await act(session).ConfigureAwait(false);
                }
                finally
                {
                    await session.DisposeAsync().ConfigureAwait(false);
                }

                return session;
            }).ConfigureAwait(false);
        return _session;
    }

    /// <summary>Skips the scenario, with the reason, when the recorded run never connected (LC-C01 judges that).</summary>
    public static void RequireConnection(ConnectorSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!session.Connected)
        {
            throw new ScenarioSkippedException($"the connector did not connect (LC-C01 judges it): {session.ConnectFailure}");
        }
    }
}
