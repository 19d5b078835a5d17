namespace Conformance.Cli;

/// <summary>Bad input or setup, reported with exit code 2 and a message that says how to fix it.</summary>
internal sealed class UsageException(string message) : Exception(message);
