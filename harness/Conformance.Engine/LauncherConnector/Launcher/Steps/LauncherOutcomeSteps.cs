using Conformance.Engine.Bindings;
using Conformance.Reference.Appliance;

namespace Conformance.Engine.LauncherConnector.Launcher.Steps;

/// <summary>Checks what the Launcher posted and where the session stands.</summary>
[Binding]
internal sealed class LauncherOutcomeSteps(ScriptedLauncherSession launcher, LauncherExpectations expect)
{
    [Then("the Launcher has posted (\\w+) once")]
    public void ThenPostedOnce(SessionEventKind kind)
    {
        var count = Posted(kind);
        expect.Expect(count == 1, $"{kind} posted exactly once", () => $"posted {count} times; events: {Events()}");
    }

    [Then("the Launcher has posted no (\\w+)")]
    public void ThenPostedNone(SessionEventKind kind)
    {
        var count = Posted(kind);
        expect.Expect(count == 0, $"no {kind}", () => $"posted {count} times; events: {Events()}");
    }

    [Then("the Launcher has posted nothing since ConnectionStarted")]
    public void ThenPostedNothingMore()
    {
        var events = launcher.Session.Appliance.Events.Where(e => !e.ByAppliance).Select(e => e.Kind).ToList();
        expect.Expect(events.SequenceEqual([SessionEventKind.ConnectionStarted]), "ConnectionStarted and nothing after it", Events);
    }

    [Then("the session is in login state (\\w+) and session state (\\w+)")]
    public void ThenTheStatesAre(string login, string session)
    {
        var expected = SessionStates.Parse(login, session);
        var actual = launcher.Session.Appliance.States;
        expect.Expect(actual == expected, expected.ToString(), () => actual.ToString());
    }

    [Then("the Launcher is tracking process (\\d+)")]
    public void ThenTracking(int processId)
    {
        var tracked = launcher.Session.Tracker.TrackedProcessId;
        expect.Expect(tracked == processId, $"process {processId} tracked", () => tracked is null ? "no process tracked" : $"process {tracked} tracked");
    }

    [Then("the Launcher is tracking no process")]
    public void ThenTrackingNothing()
    {
        var tracked = launcher.Session.Tracker.TrackedProcessId;
        expect.Expect(tracked is null, "no process tracked", () => $"process {tracked} tracked");
    }

    [Then("no time has passed on the session's clock")]
    public void ThenNoTimePassed() =>
        expect.Expect(launcher.Clock.Elapsed == TimeSpan.Zero, "the event handled without waiting for any timer", () => $"{launcher.Clock.Elapsed} passed");

    [Then("the appliance recorded no connectionInitializationTimeout")]
    public void ThenNoTimeout() =>
        expect.Expect(TimeoutCount() == 0, "no connectionInitializationTimeout", () => $"recorded at {Events()}");

    [Then("the appliance recorded connectionInitializationTimeout once")]
    public void ThenOneTimeout()
    {
        var count = TimeoutCount();
        expect.Expect(count == 1, "connectionInitializationTimeout exactly once", () => $"{count} times; events: {Events()}");
    }

    [Then("the appliance received a custom user-session event with message \"(.*)\"")]
    public void ThenACustomEvent(string message)
    {
        var messages = launcher.Session.Appliance.Events.Where(e => e.Kind == SessionEventKind.CustomUserSessionEvent).Select(e => e.Message).ToList();
        expect.Expect(messages.Contains(message), $"a custom user-session event \"{message}\"", () => messages.Count == 0 ? "no custom event" : $"custom events: {string.Join(" | ", messages)}");
    }

    [Then("the first line the connector receives is the session's ConnectionConfiguration")]
    public void ThenTheFirstLineIsTheConfiguration()
    {
        var first = launcher.FirstLineReceived;
        var parsed = first?.Text is { } text ? TryParse(text) : null;
        expect.Expect(
            parsed is not null && parsed.SessionId == launcher.Configuration.SessionId && parsed.Password == launcher.Configuration.Password
                && parsed.AccountSecureFields.SequenceEqual(launcher.Configuration.AccountSecureFields),
            "the session's ConnectionConfiguration as the first line",
            () => first is null ? "no line arrived" : $"line 1: {first.Excerpt(200)}");
    }

    private static Protocols.LauncherConnector.ConnectionConfiguration? TryParse(string text)
    {
        try
        {
            return Protocols.LauncherConnector.ConnectionConfiguration.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private int Posted(SessionEventKind kind) => launcher.Session.Appliance.Events.Count(e => e.Kind == kind && !e.ByAppliance);

    private int TimeoutCount() => launcher.Session.Appliance.Events.Count(e => e.Kind == SessionEventKind.ConnectionInitializationTimeout);

    private string Events() => string.Join(", ", launcher.Session.Appliance.Events.Select(e => $"{e.Kind} at +{(e.At - launcher.Clock.Start).TotalSeconds:0.###} s"));
}
