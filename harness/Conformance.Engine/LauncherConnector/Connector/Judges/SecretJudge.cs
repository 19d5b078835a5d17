using Conformance.Engine.Running;
using Conformance.Protocols.Secrets;

namespace Conformance.Engine.LauncherConnector.Connector.Judges;

/// <summary>LC-C09: the password and secure fields, in any common encoding, on no command line, in no output, in no event.</summary>
internal static class SecretJudge
{
    /// <summary>Every command line of the connector's process tree.</summary>
    public static IEnumerable<Violation> CommandLines(ConnectorSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        foreach (var process in session.Process!.Tree.Seen)
        {
            var commandLine = string.Join('\n', process.CommandLines.Select(line => string.Join(' ', line)));
            foreach (var secret in session.NamedSecrets)
            {
                if (SecretEncodings.FindIn(commandLine, secret.Value) is { } encoding)
                {
                    var who = process.ProcessId == session.Process.ProcessId ? "the connector's"
                        : process.Adopted ? $"descendant {process.ProcessId}'s (it left the connector's tree)" : $"descendant {process.ProcessId}'s";
                    yield return new Violation("LC-C09", "no secret on any command line of the process tree", $"the {secret.Name} appears {encoding} on {who} command line");
                }
            }
        }
    }

    /// <summary>Standard output and standard error, searched whole as they streamed.</summary>
    public static IEnumerable<Violation> Output(ConnectorSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var process = session.Process!;
        foreach (var (name, capture) in new[] { ("standard output", process.StandardOutput), ("standard error", process.StandardError) })
        {
            foreach (var secret in session.NamedSecrets)
            {
                var forms = SecretEncodings.Variants(secret.Value);
                if (capture.Found.FirstOrDefault(forms.Contains) is { } found)
                {
                    yield return new Violation("LC-C09", $"no secret in {name}", $"the {secret.Name} appears {SecretEncodings.NameOf(secret.Value, found) ?? "encoded"} in {name}");
                }
            }
        }
    }

    /// <summary>Every line the connector sent, valid event or not.</summary>
    public static IEnumerable<Violation> Events(ConnectorSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        foreach (var received in session.Lines)
        {
            var text = received.Line.Text ?? System.Text.Encoding.UTF8.GetString(received.Line.Bytes.Span);
            foreach (var secret in session.NamedSecrets)
            {
                if (SecretEncodings.FindIn(text, secret.Value) is { } encoding)
                {
                    yield return new Violation("LC-C09", "no secret in any event", $"the {secret.Name} appears {encoding} in line {received.Line.Number}");
                }
            }
        }
    }
}
