using Conformance.Engine.Modules;
using Conformance.Engine.Running;

namespace Conformance.Engine.LauncherConnector.Connector;

/// <summary>A connector to run the connector scenarios against: the reference one in a self-check, a vendor's under <c>certify connector</c>.</summary>
internal sealed class ConnectorCertification(ConnectorTarget target) : CertificationTarget
{
    /// <summary>The connector under test.</summary>
    public ConnectorTarget Target => target;

    /// <inheritdoc />
    public override string Role => "connector";

    /// <inheritdoc />
    public override IReadOnlyList<string> Command => target.Command;

    /// <inheritdoc />
    public override void Configure(RunContext run)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.With(target).With(new ConnectivityGate());
        run.AllowScenarioTime(ScenarioTimeout(target.Timeouts));
    }

    /// <summary>
    /// The most a scenario may take: every deadline of a whole session (the plain and the unusual session of
    /// LC-C12 run one after the other), with room for starting processes, and never less than three minutes.
    /// </summary>
    public static TimeSpan ScenarioTimeout(ConnectorTimeouts timeouts)
    {
        ArgumentNullException.ThrowIfNull(timeouts);
        var session = timeouts.Connect + timeouts.WindowCreated + timeouts.WindowLifetime + timeouts.WindowClosed + timeouts.Exit;
        var needed = (2 * session) + TimeSpan.FromSeconds(30);
        return needed > TimeSpan.FromMinutes(3) ? needed : TimeSpan.FromMinutes(3);
    }

    /// <summary>The reference connector, as the self-check certifies it.</summary>
    public static ConnectorTarget ReferenceConnector() => new()
    {
        Command = ReferenceConnectorCommand.Connector(),
        WorkingDirectory = AppContext.BaseDirectory,
    };
}
