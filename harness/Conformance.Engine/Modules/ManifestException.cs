namespace Conformance.Engine.Modules;

/// <summary>A manifest or command line that cannot be certified as given; the message says what is wrong and how to fix it.</summary>
internal sealed class ManifestException(string message) : Exception(message);
