using System.Diagnostics;

namespace Conformance.Processes;

/// <summary>Turns a command (executable and arguments) and environment changes into a start that redirects every stream.</summary>
public static class ProcessCommand
{
    /// <summary>
    /// A start for <paramref name="command"/>: arguments passed one by one (never re-parsed by a shell), standard
    /// streams redirected, and <paramref name="environment"/> set over the current one (a null value removes a variable).
    /// </summary>
    public static ProcessStartInfo StartInfo(string executable, IEnumerable<string> arguments, IEnumerable<KeyValuePair<string, string?>> environment)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return start;
    }
}
