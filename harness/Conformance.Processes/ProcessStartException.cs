namespace Conformance.Processes;

/// <summary>A command that could not be started; the message says what and why.</summary>
public sealed class ProcessStartException(string message, Exception? inner = null) : Exception(message, inner);
