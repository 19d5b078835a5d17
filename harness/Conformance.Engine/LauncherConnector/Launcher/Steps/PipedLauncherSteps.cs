using Conformance.Engine.Bindings;
using Conformance.Engine.Validation;
using Conformance.Protocols.LauncherConnector;
using Conformance.Protocols.Lines;
using Conformance.Processes;
using Conformance.Protocols.Transport;
using Conformance.Reference.Launcher;

namespace Conformance.Engine.LauncherConnector.Launcher.Steps;

/// <summary>The reference Launcher over its real pipe, with real connector processes (LC-L02 to LC-L05, LC-L16).</summary>
[Binding]
internal sealed class PipedLauncherSteps(PipedLauncher launcher, LauncherExpectations expect, SchemaSet schemas)
{
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ConnectorBound = TimeSpan.FromSeconds(20);
    private (bool Connected, int Bytes, bool Ended) _intruder;
    private (bool Connected, int Bytes, bool Ended, string? Refusal) _second;

    [Given("the reference Launcher")]
    public void GivenTheLauncher() => launcher.Settings = new LauncherSettings();

    [Given("the reference Launcher with the session tracker (configured|not configured)")]
    public void GivenTheLauncherWithTracker(string configured) =>
        launcher.Settings = launcher.Settings with { SessionTrackerConfigured = configured == "configured" };

    [Given("the reference Launcher without the client-process check")]
    public void GivenTheLauncherWithoutTheCheck() => launcher.Settings = launcher.Settings with { VerifyClientProcess = false };

    [Given("a process outside the connector's tree tries the session's pipe just before the connector starts")]
    public void GivenAnIntruder() =>
        launcher.Starter.BeforeStart = async request =>
            _intruder = await TryPipeAsync(request.Environment[ReferenceLauncher.PipeNameVariable]);

    [When("the Launcher starts a session for the reference connector")]
    public async Task WhenASessionStarts()
    {
        var session = await launcher.StartSessionAsync(ReferenceConnectorCommand.Connector());
        await AwaitWindowAsync(session);
    }

    [When("the Launcher starts two sessions for the reference connector")]
    public async Task WhenTwoSessionsStart()
    {
        await WhenASessionStarts();
        await WhenASessionStarts();
    }

    [When("the Launcher starts a session for a connector that waits")]
    public Task WhenASessionStartsForAWaitingConnector() => launcher.StartSessionAsync(ReferenceConnectorCommand.Waiting());

    [When("a client connects to the session's pipe")]
    public Task WhenAClientConnects() => launcher.ConnectClientAsync(Promptly * 5);

    [When("a second client tries to connect to the session's pipe")]
    public async Task WhenASecondClientTries()
    {
        var (bytes, ended, connected, refusal) = await TryOnceAsync(launcher.Current.PipeName);
        _second = (connected, bytes, ended, refusal);
    }

    [Then("when the connector process started, the session's pipe was already accepting connections")]
    public void ThenThePipeWasListening()
    {
        var start = launcher.Starter.Starts.Single();
        expect.Expect(start.PipeWasListening, "the pipe accepting connections before the connector started", () => "no socket was listening at the pipe's path when the connector started");
    }

    [Then("when the connector process started, the session tracker was (running|not running)")]
    public void ThenTheTrackerWas(string state)
    {
        var start = launcher.Starter.Starts.Single();
        expect.Expect(start.TrackerWasRunning == (state == "running"), $"the tracker {state} when the connector started", () => $"it was {(start.TrackerWasRunning ? "running" : "not running")}");
    }

    [Then("each connector process has its session's pipe name in VSI_IPC_PIPE_NAME")]
    public void ThenEachHasItsPipeName()
    {
        foreach (var (session, start) in launcher.Sessions.Zip(launcher.Starter.Starts))
        {
            // The child's own environment where the platform shows it; the request the Launcher made elsewhere.
            var seen = ProcessTable.TryReadEnvironmentVariable(start.ProcessId, ReferenceLauncher.PipeNameVariable)
                ?? (OperatingSystem.IsLinux() ? null : start.Request.Environment.GetValueOrDefault(ReferenceLauncher.PipeNameVariable));
            expect.Expect(seen == session.PipeName, $"VSI_IPC_PIPE_NAME={session.PipeName} in the connector's environment", () => $"VSI_IPC_PIPE_NAME={seen ?? "(unset)"}");
        }
    }

    [Then("the two sessions' pipe names differ")]
    public void ThenThePipeNamesDiffer()
    {
        var names = launcher.Sessions.Select(session => session.PipeName).ToList();
        expect.Expect(names.Distinct(StringComparer.OrdinalIgnoreCase).Count() == names.Count, "a different pipe per session", () => $"pipes: {string.Join(", ", names)}");
    }

    [Then("no connector command line holds the pipe name")]
    public void ThenNoCommandLineHoldsThePipeName() =>
        ExpectCommandLinesWithout("the pipe name", session => [session.PipeName]);

    [Then("no connector command line holds the password or a secure field value")]
    public void ThenNoCommandLineHoldsACredential() =>
        ExpectCommandLinesWithout("any credential", session => PipedLauncher.ConfigurationOf(session).Secrets);

    [Then("the Launcher's log shows ConnectionStarted before the pipe listened, the session tracker started and the connector process started")]
    public void ThenConnectionStartedCameFirst()
    {
        var entries = launcher.Current.Session.Journal.Entries;
        var started = entries.ToList().FindIndex(entry => entry is SessionEventPosted { Event.Kind: Reference.Appliance.SessionEventKind.ConnectionStarted });
        var later = entries.Select((entry, index) => (entry, index))
            .Where(pair => pair.entry is PipeListening or SessionTrackerStarted or ConnectorProcessStarted)
            .ToList();
        var early = later.Where(pair => started < 0 || pair.index < started).Select(pair => pair.entry.GetType().Name).ToList();
        expect.Expect(started >= 0 && early.Count == 0 && later.Any(pair => pair.entry is ConnectorProcessStarted),
            "ConnectionStarted in the log before the pipe listened, the tracker started and the connector started",
            () => started < 0 ? "no ConnectionStarted was logged" : $"{string.Join(", ", early)} came before ConnectionStarted");
    }

    private void ExpectCommandLinesWithout(string what, Func<LaunchedSession, IEnumerable<string>> values)
    {
        foreach (var (session, start) in launcher.Sessions.Zip(launcher.Starter.Starts))
        {
            var actual = ProcessTable.TryRead(start.ProcessId)?.CommandLine is { Count: > 0 } live ? live : start.Request.Command;
            var commandLine = string.Join(' ', actual);
            var leaks = values(session).Where(value => commandLine.Contains(value, StringComparison.Ordinal)).ToList();
            expect.Expect(leaks.Count == 0, $"a command line without {what}", () => $"the command line holds {leaks.Count} of them");
        }
    }

    [Then("within 1 second that client receives the session's ConnectionConfiguration as its first line")]
    public async Task ThenTheClientReceivesTheConfiguration()
    {
        using var bound = new CancellationTokenSource(Promptly);
        LineReadResult? first = null;
        try
        {
            first = await new LineReader(launcher.Clients[0]).ReadLineAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            // Judged below: nothing arrived in time.
        }

        var expected = PipedLauncher.ConfigurationOf(launcher.Current);
        var issues = first?.Text is { } text ? schemas.Get("launcher-connector/connection-configuration").Validate(text) : [];
        var sessionId = first?.Text is { } line && issues.Count == 0 ? ConnectionConfiguration.Parse(line).SessionId : null;
        expect.Expect(sessionId == expected.SessionId, "the session's ConnectionConfiguration within 1 s of connecting",
            () => first is null ? "nothing arrived within 1 s" : issues.Count > 0 ? string.Join("; ", issues) : $"a configuration for session {sessionId}");
    }

    [Then("the second client is refused at once and receives no byte")]
    public void ThenTheSecondIsRefused() =>
        expect.Expect(_second.Bytes == 0 && (!_second.Connected || _second.Ended), "the second client refused at once, without a byte",
            () => $"connected: {_second.Connected}, bytes: {_second.Bytes}, closed: {_second.Ended}");

    [Then("the first client still owns the pipe")]
    public async Task ThenTheFirstStillOwnsIt()
    {
        var client = launcher.Clients[0];
        await client.WriteAsync(System.Text.Encoding.UTF8.GetBytes(new CustomConnectorEvent(CustomConnectorEventType.Custom, "still the owner").ToJsonLine() + "\n"));
        await client.FlushAsync();
        var reached = await launcher.Current.Session.Journal.WaitUntilAsync(
            entries => entries.OfType<SessionEventPosted>().Any(posted => posted.Event.Message == "still the owner"), Promptly * 5);
        expect.Expect(reached, "the first client's events still reach the Launcher", () => "its event did not arrive");
    }

    [Then("that process is refused and receives no byte")]
    public void ThenTheIntruderIsRefused() =>
        expect.Expect(_intruder.Bytes == 0 && (!_intruder.Connected || _intruder.Ended), "the outside process refused without a byte",
            () => $"connected: {_intruder.Connected}, bytes: {_intruder.Bytes}, closed: {_intruder.Ended}");

    [Then("the Launcher logs that it is not the connector or one of its descendants")]
    public void ThenTheRefusalIsLogged()
    {
        var refusals = launcher.Current.Session.Journal.OfType<ClientRefused>();
        expect.Expect(refusals.Any(refusal => refusal.Reason.Contains("is not the connector", StringComparison.Ordinal)),
            "a logged refusal saying the client is outside the connector's tree", () => refusals.Count == 0 ? "no refusal logged" : string.Join("; ", refusals.Select(r => r.Reason)));
    }

    [Then("the connector it started then owns the pipe and its events reach the Launcher")]
    public void ThenTheConnectorOwnsThePipe()
    {
        var journal = launcher.Current.Session.Journal;
        var admitted = journal.OfType<ClientAdmitted>().SingleOrDefault();
        expect.Expect(admitted?.Client.ProcessId == launcher.Current.Connector.ProcessId && journal.OfType<LineReceived>().Count > 0,
            "the started connector admitted, and its events received",
            () => admitted is null ? "no client was admitted" : $"admitted {admitted.Client}; {journal.OfType<LineReceived>().Count} lines received");
    }

    private static async Task AwaitWindowAsync(LaunchedSession session)
    {
        // The reference connector is settled once its window is tracked; nothing changes until the session ends.
        if (!await session.Session.Journal.WaitUntilAsync(entries => entries.OfType<TrackingStarted>().Any(), ConnectorBound))
        {
            throw new TimeoutException($"The reference connector did not report its window within {ConnectorBound.TotalSeconds} s.");
        }
    }

    private static async Task<(bool Connected, int Bytes, bool Ended)> TryPipeAsync(string pipeName)
    {
        var (bytes, ended, connected, _) = await TryOnceAsync(pipeName);
        return (connected, bytes, ended);
    }

    private static async Task<(int Bytes, bool Ended, bool Connected, string? Refusal)> TryOnceAsync(string pipeName)
    {
        var (stream, refusal) = await PipeClient.TryConnectOnceAsync(pipeName);
        if (stream is null)
        {
            return (0, true, false, refusal);
        }

        await using (stream)
        {
            using var bound = new CancellationTokenSource(Promptly);
            var buffer = new byte[4096];
            var total = 0;
            try
            {
                int read;
                while ((read = await stream.ReadAsync(buffer, bound.Token)) > 0)
                {
                    total += read;
                }

                return (total, true, true, null);
            }
            catch (OperationCanceledException)
            {
                return (total, false, true, null);
            }
            catch (IOException)
            {
                return (total, true, true, null);
            }
        }
    }
}
