namespace Conformance.Cli;

/// <summary>
/// A command line split at its first <c>--</c>: the tool's own words before it, the command of the executable
/// under test after it. Only what follows <c>--</c> is ever taken as that command, so a misspelt option before
/// it is reported as an unknown option instead of being run.
/// </summary>
internal sealed record CommandLineParts(IReadOnlyList<string> Own, IReadOnlyList<string>? Command)
{
    public static CommandLineParts Split(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var dashes = args.ToList().IndexOf("--");
        return dashes < 0 ? new CommandLineParts(args, null) : new CommandLineParts(args.Take(dashes).ToList(), args.Skip(dashes + 1).ToList());
    }
}
