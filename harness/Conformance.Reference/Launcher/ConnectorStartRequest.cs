namespace Conformance.Reference.Launcher;

/// <summary>How the Launcher starts a connector: its command and the variables added to its environment.</summary>
/// <param name="Command">The executable and its arguments; the pipe name and credentials are never among them (LC-L03).</param>
/// <param name="Environment">Added to the Launcher's own environment; holds <c>VSI_IPC_PIPE_NAME</c>.</param>
public sealed record ConnectorStartRequest(IReadOnlyList<string> Command, IReadOnlyDictionary<string, string> Environment);
