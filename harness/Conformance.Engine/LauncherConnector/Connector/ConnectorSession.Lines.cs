using System.Text.Json.Nodes;
using Conformance.Engine.Snapshots;
using Conformance.Protocols.LauncherConnector;
using Conformance.Protocols.Lines;
using Conformance.Processes;

namespace Conformance.Engine.LauncherConnector.Connector;

/// <summary>What the connector writes, recorded and judged line by line as it arrives, and the remote client it reports.</summary>
internal sealed partial class ConnectorSession
{
    /// <summary>Ends the remote client the connector reported, standing in for the end of the remote session (LC-C07).</summary>
    public void EndRemoteClient(int processId)
    {
        if (processId == Process?.ProcessId)
        {
            // Ending it would end the connector itself: the judges say why no window-closed report came.
            Recording.Note($"processId {processId} is the connector's own process; the harness did not end it");
            return;
        }

        Process?.Tree.Sample();
        var member = Process?.Tree.Seen.FirstOrDefault(process => process.ProcessId == processId);
        var now = ProcessTable.TryRead(processId);
        if (member is null || now is null || now.StartTime != member.StartTime)
        {
            Recording.Note($"processId {processId} is not a process of the connector's tree, so the harness did not end it");
            return;
        }

        try
        {
            using var remote = System.Diagnostics.Process.GetProcessById(processId);

            // Recorded before the kill: the connector's reaction can only come after it.
            RemoteClientEndedAt = Elapsed;
            Recording.Transcript.Add("remote-client-ended", new JsonObject { ["processId"] = processId });
            remote.Kill(entireProcessTree: true);
            RuntimeLeftovers.RemoveFor(processId, now.StartTime);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            Recording.Note($"the remote client {processId} had already gone when its lifetime ended");
        }
    }

    private async Task ReadAsync(Stream stream)
    {
        var reader = new LineReader(stream);
        try
        {
            while (await reader.ReadLineAsync(_stop.Token).ConfigureAwait(false) is { } line)
            {
                Record(line);
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The pipe broke or the scenario ended: either way no more lines.
        }

        PipeClosedAt ??= Elapsed;
        Signal();
    }

    private void Record(LineReadResult line)
    {
        var at = Elapsed;
        EventParseResult? parsed = line.Text is null ? null : CustomConnectorEventParser.Parse(line.Text);
        var issues = line.Text is null ? [] : _schemas.Get(EventSchema).Validate(line.Text);
        bool? alive = parsed?.Event?.ProcessId is { } pid ? ProcessTable.IsAlive(pid) : null;
        var received = new ReceivedLine(line, at, parsed, issues, alive);
        lock (_gate)
        {
            _lines.Add(received);
        }

        if (parsed?.Event?.ProcessId is { } processId)
        {
            Recording.Transcript.RegisterProcessId(processId);
        }

        if (parsed?.UnknownMembers is { Count: > 0 } unknown)
        {
            Recording.Note($"line {line.Number} has members the protocol does not define: {string.Join(", ", unknown)}");
        }

        Recording.Transcript.Add("received", Describe(received));
        ScheduleRemoteClientEnd(received);
        Signal();
    }

    private void ScheduleRemoteClientEnd(ReceivedLine received)
    {
        if (received.Event is not { EventType: CustomConnectorEventType.RemoteConnectionWindowCreated, ProcessId: { } processId } || _remoteClientEndScheduled)
        {
            return;
        }

        // Awaited when the run ends, so the remote client is never ended during or after that.
        _remoteClientEndScheduled = true;
        _remoteClientEnding = EndRemoteClientAfterItsLifetimeAsync(processId);
    }

    private async Task EndRemoteClientAfterItsLifetimeAsync(int processId)
    {
        try
        {
            using var either = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token, _keepRemoteClient.Token);
            await Task.Delay(Target.Timeouts.WindowLifetime, either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        EndRemoteClient(processId);
        Signal();
    }

    private static JsonObject Describe(ReceivedLine received)
    {
        var entry = new JsonObject { ["line"] = TranscriptLine.Content(received.Line, 300) };
        if (received.Line.Defects.Count > 0)
        {
            entry["defects"] = TranscriptLine.Defects(received.Line);
        }

        if (received.SchemaIssues.Count > 0)
        {
            entry["schemaIssues"] = new JsonArray(received.SchemaIssues.Select(issue => (JsonNode)issue.ToString()).ToArray());
        }

        return entry;
    }
}
