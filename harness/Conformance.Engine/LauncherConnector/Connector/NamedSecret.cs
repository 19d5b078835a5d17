namespace Conformance.Engine.LauncherConnector.Connector;

/// <summary>A value that must never leak, with the configuration member it came from, so a report can say which leaked without saying what.</summary>
/// <param name="Name">"password" or "accountSecureFields.pin".</param>
/// <param name="Value">The secret itself; never written out.</param>
internal sealed record NamedSecret(string Name, string Value)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name} (***)";
}
