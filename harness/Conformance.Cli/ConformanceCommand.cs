using System.CommandLine;
using System.Text.RegularExpressions;
using Conformance.Cli.Commands;

namespace Conformance.Cli;

/// <summary>
/// Builds the command tree and turns every kind of bad input into exit code 2 with one message that says what
/// is wrong and what to do: never an unhandled exception, never a stack trace (unless CONFORMANCE_DEBUG is set).
/// </summary>
internal static partial class ConformanceCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            var parts = CommandLineParts.Split(args);
            var root = new RootCommand("Conformance suite and harness for named-pipe IPC protocols.")
            {
                RunCommand.Create(output),
                CertifyCommand.Create(output, parts.Command),
                ListCommand.Create(output),
                ValidateCommand.Create(output),
                LaunchCommand.Create(output, parts.Command),
                DocsCommand.Create(output),
            };

            // Tag expressions start with '@', which System.CommandLine would otherwise read as a response file.
            var parse = root.Parse(parts.Own.ToArray(), new ParserConfiguration { ResponseFileTokenReplacer = null });
            if (parse.Errors.Count > 0)
            {
                foreach (var parseError in parse.Errors)
                {
                    await error.WriteLineAsync($"error: {parseError.Message}{Hint(parseError.Message, parse.CommandResult.Command)}");
                }

                await error.WriteLineAsync($"Run 'conformance {string.Join(' ', CommandPath(parse.CommandResult.Command))} --help' for usage.".Replace("  ", " ", StringComparison.Ordinal));
                return ExitCodes.UsageError;
            }

            if (parts.Command is not null && !CertifyCommand.IsRoleCommand(parse.CommandResult.Command) && parse.CommandResult.Command.Name != LaunchCommand.Name)
            {
                throw new UsageException($"Only 'certify <role>' and 'launch' take a command after --; '{string.Join(' ', CommandPath(parse.CommandResult.Command))}' does not.");
            }

            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException exception)
        {
            await error.WriteLineAsync($"error: {exception.Message}");
            return ExitCodes.UsageError;
        }
        catch (Exception exception) when (Environment.GetEnvironmentVariable("CONFORMANCE_DEBUG") is null)
        {
            // A bug of the tool's own: said plainly, with what to report; the stack only on request.
            await error.WriteLineAsync($"error: the conformance tool failed unexpectedly ({exception.GetType().Name}: {exception.Message}). Please report it; set CONFORMANCE_DEBUG=1 to see where.");
            return ExitCodes.UsageError;
        }
    }

    /// <summary>" Did you mean --report?" for an unknown option or command near a known one.</summary>
    private static string Hint(string message, Command command)
    {
        if (UnknownToken().Match(message) is not { Success: true } match)
        {
            return "";
        }

        var known = command.Options.SelectMany(option => option.Aliases.Prepend(option.Name))
            .Concat(command.Subcommands.Select(subcommand => subcommand.Name))
            .Where(name => name.Length > 0 && !name.StartsWith("-?", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        var closest = Suggestions.Closest(match.Groups[1].Value, known);
        var subcommands = command.Subcommands.Select(subcommand => subcommand.Name).ToList();
        var choices = subcommands.Count > 0 && !match.Groups[1].Value.StartsWith('-') ? $" Known: {string.Join(", ", subcommands)}." : "";
        return (closest is null ? "" : $" Did you mean {closest}?") + choices;
    }

    private static IEnumerable<string> CommandPath(Command command)
    {
        var names = new List<string>();
        for (var current = (Symbol?)command; current is Command { } named && named is not RootCommand; current = named.Parents.FirstOrDefault())
        {
            names.Insert(0, named.Name);
        }

        return names;
    }

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex UnknownToken();
}
