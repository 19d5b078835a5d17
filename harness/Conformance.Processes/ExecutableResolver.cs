using System.Runtime.InteropServices;
using System.Text;

namespace Conformance.Processes;

/// <summary>
/// Finds the file a command will run, before anything runs: on the PATH for a bare name, from the working
/// directory for a path; it must be a file, executable by this account, and, when it is a script, its
/// interpreter line must name an interpreter that exists. Each problem is said with what to do about it.
/// </summary>
public static partial class ExecutableResolver
{
    private const int ExecuteAccess = 1;
    private static readonly string[] WindowsExtensions = ["", ".exe", ".cmd", ".bat", ".com"];

    /// <summary>The full path of <paramref name="executable"/>, or why it cannot be run.</summary>
    /// <param name="executable">The command's first word.</param>
    /// <param name="workingDirectory">Where the command will run; a relative path is taken from here.</param>
    /// <param name="path">The PATH the command will see; the harness's own when null.</param>
    /// <exception cref="ProcessStartException">It cannot be run; the message says why and what to do.</exception>
    public static string Resolve(string executable, string workingDirectory, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(executable);
        if (executable.Trim().Length == 0)
        {
            throw new ProcessStartException("The command is empty: give the executable first, then its arguments.");
        }

        if (executable.Contains('/') || executable.Contains('\\'))
        {
            var full = Path.GetFullPath(Path.Combine(workingDirectory, executable));
            Check(full, executable);
            return full;
        }

        var folders = (path ?? Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var extensions = OperatingSystem.IsWindows() ? WindowsExtensions : [""];
        var candidates = folders.SelectMany(folder => extensions.Select(extension => Path.Combine(folder, executable + extension))).Where(File.Exists).ToList();
        var runnable = candidates.FirstOrDefault(IsExecutable);
        if (runnable is not null)
        {
            CheckInterpreter(runnable, executable);
            return runnable;
        }

        throw new ProcessStartException(candidates.Count > 0
            ? $"{executable} is on the PATH ({candidates[0]}) but not executable by this account: run chmod +x {candidates[0]}."
            : $"Cannot find {executable} on the PATH. Give its path (./{executable}), or install it and check PATH.");
    }

    private static void Check(string full, string given)
    {
        if (Directory.Exists(full))
        {
            throw new ProcessStartException($"{given} is a directory ({full}), not an executable: name the program inside it.");
        }

        if (!File.Exists(full))
        {
            throw new ProcessStartException($"{given} does not exist (looked for {full}).");
        }

        if (!IsExecutable(full))
        {
            throw new ProcessStartException($"{given} is not executable by this account: run chmod +x {full}, or name its interpreter first (for example python3 {given}).");
        }

        CheckInterpreter(full, given);
    }

    private static void CheckInterpreter(string full, string given)
    {
        if (OperatingSystem.IsWindows() || ReadInterpreterLine(full) is not { } line)
        {
            return;
        }

        var words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            throw new ProcessStartException($"{given} starts with #! but names no interpreter.");
        }

        var interpreter = words[0];
        if (!File.Exists(interpreter) || !IsExecutable(interpreter))
        {
            throw new ProcessStartException($"{given} starts with #!{line}, but {interpreter} {(File.Exists(interpreter) ? "is not executable" : "does not exist")}: fix its first line, or name an interpreter first.");
        }

        // "#!/usr/bin/env python3": the program must be found on the PATH too.
        if (Path.GetFileName(interpreter) == "env" && words.Skip(1).FirstOrDefault(word => !word.StartsWith('-')) is { } program)
        {
            try
            {
                Resolve(program, Path.GetDirectoryName(full)!);
            }
            catch (ProcessStartException exception)
            {
                throw new ProcessStartException($"{given} starts with #!{line}, and {exception.Message}");
            }
        }
    }

    private static string? ReadInterpreterLine(string full)
    {
        try
        {
            using var file = File.OpenRead(full);
            var buffer = new byte[256];
            var read = file.Read(buffer, 0, buffer.Length);
            if (read < 2 || buffer[0] != '#' || buffer[1] != '!')
            {
                return null;
            }

            var end = Array.IndexOf(buffer, (byte)'\n', 2, read - 2);
            return Encoding.UTF8.GetString(buffer, 2, (end < 0 ? read : end) - 2).Trim();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsExecutable(string full) =>
        OperatingSystem.IsWindows() ? File.Exists(full) : File.Exists(full) && access(full, ExecuteAccess) == 0;

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int access(string path, int mode);
}
