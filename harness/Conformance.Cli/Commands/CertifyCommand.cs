using System.CommandLine;
using Conformance.Engine;
using Conformance.Engine.Modules;
using Conformance.Engine.Reports;
using Conformance.Engine.Validation;

namespace Conformance.Cli.Commands;

/// <summary>
/// <c>conformance certify &lt;role&gt; [--manifest FILE] [-- COMMAND ARGS…]</c>: one subcommand per role the protocol
/// modules can certify, each running that role's scenarios (<c>@role:&lt;role&gt;</c>) against an external executable.
/// </summary>
internal static class CertifyCommand
{
    /// <param name="output">Where the run writes.</param>
    /// <param name="command">What followed <c>--</c> on the command line: the executable under test and its arguments.</param>
    public static Command Create(TextWriter output, IReadOnlyList<string>? command)
    {
        var certify = new Command("certify", "Certify an external implementation of one role: " + string.Join(", ", ProtocolModules.CertifiableRoles.Select(role => role.Name)) + ".");
        foreach (var role in ProtocolModules.CertifiableRoles)
        {
            certify.Subcommands.Add(ForRole(role, output, command ?? []));
        }

        return certify;
    }

    /// <summary>True for a <c>certify &lt;role&gt;</c> command, the only kind that takes a command after <c>--</c>.</summary>
    public static bool IsRoleCommand(Command command) => command.Parents.OfType<Command>().Any(parent => parent.Name == "certify");

    private static Command ForRole(CertifiableRole role, TextWriter output, IReadOnlyList<string> command)
    {
        var options = new CommonOptions();
        var manifest = new Option<string?>("--manifest") { Description = $"The {role.Name}'s manifest (JSON; schema schemas/{role.ManifestSchema}.schema.json)." };
        var subcommand = new Command(role.Name, $"{role.Summary} Runs the scenarios tagged @role:{role.Name} against the executable, whose command follows -- (conformance certify {role.Name} [options] -- COMMAND ARGS…) or is the manifest's \"command\".")
        {
            manifest,
        };
        options.AddTo(subcommand);
        subcommand.SetAction(async (parse, cancellation) =>
        {
            var settings = options.Read(parse);
            CertificationTarget target;
            SchemaSet schemas;
            try
            {
                schemas = await SchemaSet.LoadAsync(settings.Layout.Schemas);
                target = role.ReadTarget(parse.GetValue(manifest), command, schemas, Directory.GetCurrentDirectory());
            }
            catch (Exception exception) when (exception is ManifestException or InvalidDataException)
            {
                throw new UsageException(exception.Message);
            }

            return await SuiteExecution.RunAsync(settings, new RunTarget(role.Name, target.Command), role.Name, target, output, cancellation, schemas);
        });
        return subcommand;
    }
}
