using System.Globalization;
using Conformance.Engine.Validation;
using Conformance.Protocols.Lines;
using Conformance.Protocols.Secrets;
using Conformance.Reference.Appliance;
using Conformance.Reference.Launcher;

namespace Conformance.Engine.LauncherConnector.Launch;

/// <summary>The Launcher's journal as lines for a developer to read: who did what, when, and each received line's verdict; secrets masked.</summary>
internal sealed class JournalView(TextWriter output, SecretMask mask, MessageSchema schema, DateTimeOffset start)
{
    /// <summary>How many journal entries have been shown.</summary>
    public int Shown { get; private set; }

    /// <summary>Lines the connector sent.</summary>
    public int Lines { get; private set; }

    /// <summary>Lines that were not a valid CustomConnectorEvent.</summary>
    public int InvalidLines { get; private set; }

    public async Task ShowNewAsync(IReadOnlyList<LauncherJournalEntry> entries)
    {
        foreach (var entry in entries.Skip(Shown))
        {
            foreach (var line in Describe(entry))
            {
                await output.WriteLineAsync($"{(entry.At - start).TotalSeconds,7:0.000}  {mask.Apply(line)}").ConfigureAwait(false);
            }
        }

        Shown = entries.Count;
    }

    private IEnumerable<string> Describe(LauncherJournalEntry entry)
    {
        switch (entry)
        {
            case LineReceived received:
                Lines++;
                var issues = received.Line.Text is { } text ? schema.Validate(text) : [];
                var defects = LineDefects.Describe(received.Line, LineReader.DefaultMaxLineBytes).ToList();
                var valid = issues.Count == 0 && defects.Count == 0 && received.Line.Text is not null;
                InvalidLines += valid ? 0 : 1;
                yield return $"connector → line {received.Line.Number}: {received.Line.Excerpt(160)}";
                yield return valid ? "            ✓ a valid CustomConnectorEvent" : $"            ✗ {string.Join("; ", defects.Concat(issues.Select(issue => $"{issue.Path}: {issue.Reason}")))}";
                break;
            case ConfigurationSent sent:
                yield return $"launcher  → ConnectionConfiguration {sent.MaskedLine}";
                break;
            case SessionEventPosted posted:
                yield return $"{(posted.Event.ByAppliance ? "appliance" : "launcher ")} posts {posted.Event.Kind}{(posted.Event.Message is { } message ? $" \"{message}\"" : "")}";
                break;
            case StatesChanged changed:
                yield return $"appliance login {StateNames.Of(changed.After.Login)}, session {StateNames.Of(changed.After.Session)} ({changed.Cause})";
                break;
            case TrackingStarted tracking:
                yield return string.Create(CultureInfo.InvariantCulture, $"launcher  tracks the remote client, process {tracking.ProcessId}{(tracking.ReplacedProcessId is { } old ? $" (instead of {old})" : "")}");
                break;
            case TrackedProcessExited exited:
                yield return string.Create(CultureInfo.InvariantCulture, $"launcher  the tracked remote client {exited.ProcessId} exited");
                break;
            case LineRejected rejected:
                yield return $"launcher  ignores line {rejected.LineNumber}: {rejected.Reason}";
                break;
            case LineNoted noted:
                yield return $"launcher  line {noted.LineNumber}: {noted.Note}";
                break;
            case PostingWithheld withheld:
                yield return $"launcher  does not post {withheld.Kind}: {withheld.Reason}";
                break;
            case LegacyDelayStarted delay:
                yield return $"launcher  waits {delay.Delay.TotalSeconds:0} s before ConnectionEnded ({delay.Cause})";
                break;
            case ClientAdmitted admitted:
                yield return $"launcher  admits the pipe's client: {admitted.Reason}";
                break;
            case ClientRefused refused:
                yield return $"launcher  refuses a client: {refused.Reason}";
                break;
            case PipeListening listening:
                yield return $"launcher  listens on the pipe {listening.PipeName}";
                break;
            case ConnectorProcessStarted connector:
                yield return string.Create(CultureInfo.InvariantCulture, $"launcher  starts the connector, process {connector.ProcessId}");
                break;
            case PipeClosed closed:
                yield return $"launcher  pipe closed: {closed.Reason}";
                break;
            case LauncherFault fault:
                yield return $"launcher  fault: {fault.Error}";
                break;
            default:
                yield return entry.GetType().Name;
                break;
        }
    }
}
