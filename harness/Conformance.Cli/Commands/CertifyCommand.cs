using System.CommandLine;
using Conformance.Engine.LauncherConnector.Connector;
using Conformance.Engine.Reports;
using Conformance.Engine.Validation;

namespace Conformance.Cli.Commands;

/// <summary><c>conformance certify connector [--manifest FILE] [-- COMMAND ARGS…]</c>: the LC-C scenarios against an external connector.</summary>
internal static class CertifyCommand
{
    public static Command Create(TextWriter output)
    {
        var certify = new Command("certify", "Certify an external implementation of one role.");
        certify.Subcommands.Add(Connector(output));
        return certify;
    }

    private static Command Connector(TextWriter output)
    {
        var options = new CommonOptions();
        var manifest = new Option<string?>("--manifest") { Description = "Connector manifest (JSON): command, workingDirectory, environment, launchable, failing, timeouts." };
        var command = new Argument<string[]>("command") { Description = "The connector's executable and arguments, after --.", Arity = ArgumentArity.ZeroOrMore };
        var connector = new Command("connector", "Run the connector scenarios (@role:connector) against an external connector executable, in any language.")
        {
            manifest,
            command,
        };
        options.AddTo(connector);
        connector.SetAction(async (parse, cancellation) =>
        {
            var settings = options.Read(parse);
            var schemas = await SchemaSet.LoadAsync(settings.Layout.Schemas);
            ConnectorTarget target;
            try
            {
                target = ConnectorManifest.Read(parse.GetValue(manifest), parse.GetValue(command) ?? [], schemas, Directory.GetCurrentDirectory());
            }
            catch (ManifestException exception)
            {
                throw new UsageException(exception.Message);
            }

            return await SuiteExecution.RunAsync(settings, new RunTarget("connector", target.Command), "connector", target, output, cancellation);
        });
        return connector;
    }
}
