namespace Conformance.Engine.LauncherConnector.Connector;

/// <summary>A manifest or command line that cannot be certified as given; the message says how to fix it.</summary>
public sealed class ManifestException(string message) : Exception(message);
