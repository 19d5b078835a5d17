using System.CommandLine;
using Conformance.Engine.LauncherConnector.Connector;
using Conformance.Engine.LauncherConnector.Launch;
using Conformance.Engine.Modules;
using Conformance.Engine.Validation;

namespace Conformance.Cli.Commands;

/// <summary>
/// <c>conformance launch [--manifest FILE] [--failing] [--script STEPS] [-- COMMAND]</c>: the reference Launcher as
/// a connector developer's tool — one session, shown live; keys (or a script) drive it.
/// </summary>
internal static class LaunchCommand
{
    public const string Name = "launch";

    public static Command Create(TextWriter output, IReadOnlyList<string>? command)
    {
        var manifest = new Option<string?>("--manifest") { Description = "The connector's manifest (as for certify connector): command, workingDirectory, environment, launchable, failing." };
        var failing = new Option<bool>("--failing") { Description = "Send the failing configuration instead of the launchable one." };
        var script = new Option<string?>("--script") { Description = $"Act at given times instead of by key, for use without a terminal: \"SECONDS: ACTION; …\", actions {string.Join(", ", LaunchScript.ActionNames)}." };
        var timeout = new Option<double>("--timeout") { Description = "End the session after this many seconds at most.", DefaultValueFactory = _ => 300 };
        var root = new Option<string?>("--root") { Description = "Folder holding features/ and schemas/." };
        var launch = new Command(Name, "Run one session of the reference Launcher with a connector and show every message, its verdict and what the Launcher does with it, live. The connector's command follows --.")
        {
            manifest, failing, script, timeout, root,
        };
        launch.SetAction(async (parse, cancellation) =>
        {
            var layout = CommonOptions.Layout(parse.GetValue(root));
            ConnectorTarget target;
            SchemaSet schemas;
            LaunchScript? steps;
            try
            {
                schemas = await SchemaSet.LoadAsync(layout.Schemas);
                target = ConnectorManifest.Read(parse.GetValue(manifest), command ?? [], schemas, Directory.GetCurrentDirectory());
                steps = parse.GetValue(script) is { } text ? LaunchScript.Parse(text) : null;
            }
            catch (Exception exception) when (exception is ManifestException or InvalidDataException or FormatException)
            {
                throw new UsageException(exception.Message);
            }

            var seconds = parse.GetValue(timeout);
            if (seconds <= 0)
            {
                throw new UsageException($"--timeout must be more than 0 seconds (got {seconds}).");
            }

            var session = new LaunchSession(target, parse.GetValue(failing), schemas, output);
            using var keys = steps is null ? KeyboardActions.TryStart(output, session.Request) : null;
            var summary = await session.RunAsync(steps, TimeSpan.FromSeconds(seconds), cancellation);
            await output.WriteLineAsync();
            await output.WriteLineAsync($"Session over: {summary.Ended}, after {summary.Duration.TotalSeconds:0.0} s.");
            await output.WriteLineAsync($"  {summary.Lines} {(summary.Lines == 1 ? "line" : "lines")} from the connector, {summary.InvalidLines} invalid; the Launcher posted {(summary.Events.Count == 0 ? "nothing" : string.Join(", ", summary.Events))}; {summary.States}.");
            return summary.InvalidLines == 0 && summary.Lines > 0 ? ExitCodes.Conformant : ExitCodes.NotConformant;
        });
        return launch;
    }
}
