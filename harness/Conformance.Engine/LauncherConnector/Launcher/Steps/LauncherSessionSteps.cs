using Conformance.Engine.Bindings;
using Conformance.Reference.Appliance;

namespace Conformance.Engine.LauncherConnector.Launcher.Steps;

/// <summary>Sets up a reference Launcher session under a manual clock, and the appliance's side of it.</summary>
[Binding]
internal sealed class LauncherSessionSteps(ScriptedLauncherSession launcher)
{
    [Given("a Launcher session whose connector uses the pipe")]
    public Task GivenAConnectedSession() => launcher.StartAsync(connectorUsesPipe: true);

    [Given("a Launcher session whose connector never uses the pipe")]
    public Task GivenASilentSession() => launcher.StartAsync(connectorUsesPipe: false);

    [Given("the session tracker is (configured|not configured)")]
    public void GivenTheTracker(string configured) =>
        launcher.Settings = launcher.Settings with { SessionTrackerConfigured = configured == "configured" };

    [Given("the session is in login state (\\w+) and session state (\\w+)")]
    public Task GivenTheStates(string login, string session) =>
        launcher.Session.SimulateAsync(appliance => appliance.SetStates(SessionStates.Parse(login, session), "the scenario's starting point"));

    [When("the user session logs off")]
    public Task WhenTheUserLogsOff() => launcher.Session.SimulateAsync(appliance => appliance.LogOff());

    [When("(\\d+) seconds? pass(?:es)?")]
    public Task WhenTimePasses(int seconds) => launcher.AdvanceAsync(TimeSpan.FromSeconds(seconds));

    [When("process (\\d+) exits")]
    public Task WhenAProcessExits(int processId) => launcher.ExitProcessAsync(processId);

    [When("the session tracker finds the remote window of process (\\d+)")]
    public Task WhenTheTrackerFindsTheWindow(int processId) => launcher.Session.WindowFoundAsync(processId);
}
