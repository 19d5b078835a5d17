namespace Conformance.Processes;

/// <summary>How to start a process under supervision.</summary>
/// <param name="Command">Executable and arguments.</param>
/// <param name="WorkingDirectory">Where it runs.</param>
/// <param name="Environment">Variables set over the harness's own; a null value removes the variable.</param>
/// <param name="WatchFor">Strings to look for in its output as it streams (secrets and their encodings).</param>
/// <param name="StandardOutputIsChannel">
/// True when its standard output carries a protocol (a DCV extension's control channel): every byte is then
/// also handed, in order, to <see cref="SupervisedProcess.StandardOutputChannel"/>.
/// </param>
/// <param name="PipesItServes">
/// Pipes the harness named for it to serve: a server that is killed cannot remove their socket files, so they are
/// removed once it has ended (on Unix; a Windows pipe goes with its last handle).
/// </param>
public sealed record ProcessLaunch(
    IReadOnlyList<string> Command,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string?> Environment,
    IReadOnlyList<string>? WatchFor = null,
    bool StandardOutputIsChannel = false,
    IReadOnlyList<string>? PipesItServes = null);
