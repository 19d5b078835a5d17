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
    public static Command Create(TextWriter output)
    {
        var certify = new Command("certify", "Certify an external implementation of one role: " + string.Join(", ", ProtocolModules.CertifiableRoles.Select(role => role.Name)) + ".");
        foreach (var role in ProtocolModules.CertifiableRoles)
        {
            certify.Subcommands.Add(ForRole(role, output));
        }

        return certify;
    }

    private static Command ForRole(CertifiableRole role, TextWriter output)
    {
        var options = new CommonOptions();
        var manifest = new Option<string?>("--manifest") { Description = $"The {role.Name}'s manifest (JSON; schema schemas/{role.ManifestSchema}.schema.json)." };
        var command = new Argument<string[]>("command") { Description = $"The {role.Name}'s executable and arguments, after --.", Arity = ArgumentArity.ZeroOrMore };
        var subcommand = new Command(role.Name, $"{role.Summary} Runs the scenarios tagged @role:{role.Name} against the executable.")
        {
            manifest,
            command,
        };
        options.AddTo(subcommand);
        subcommand.SetAction(async (parse, cancellation) =>
        {
            var settings = options.Read(parse);
            var schemas = await SchemaSet.LoadAsync(settings.Layout.Schemas);
            CertificationTarget target;
            try
            {
                target = role.ReadTarget(parse.GetValue(manifest), parse.GetValue(command) ?? [], schemas, Directory.GetCurrentDirectory());
            }
            catch (ManifestException exception)
            {
                throw new UsageException(exception.Message);
            }

            return await SuiteExecution.RunAsync(settings, new RunTarget(role.Name, target.Command), role.Name, target, output, cancellation);
        });
        return subcommand;
    }
}
