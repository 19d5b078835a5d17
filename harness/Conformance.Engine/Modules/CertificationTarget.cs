using Conformance.Engine.Running;

namespace Conformance.Engine.Modules;

/// <summary>An external executable to certify as one role, read from its manifest and command line.</summary>
internal abstract class CertificationTarget
{
    /// <summary>The role it is certified as.</summary>
    public abstract string Role { get; }

    /// <summary>Executable and arguments, as reports show them.</summary>
    public abstract IReadOnlyList<string> Command { get; }

    /// <summary>Registers the run-wide services the role's scenarios need to run against this executable.</summary>
    public abstract void Configure(RunContext run);
}
