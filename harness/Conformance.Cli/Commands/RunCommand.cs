using System.CommandLine;
using Conformance.Engine.Reports;

namespace Conformance.Cli.Commands;

/// <summary><c>conformance run</c>: every feature against the reference implementations (the self-check).</summary>
internal static class RunCommand
{
    public static Command Create(TextWriter output)
    {
        var options = new CommonOptions();
        var command = new Command("run", "Run every feature against the built-in reference implementations.");
        options.AddTo(command);
        command.SetAction((parse, cancellation) =>
            SuiteExecution.RunAsync(options.Read(parse), RunTarget.Reference, role: null, certification: null, output, cancellation));
        return command;
    }
}
