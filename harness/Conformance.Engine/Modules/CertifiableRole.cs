using Conformance.Engine.Validation;

namespace Conformance.Engine.Modules;

/// <summary>
/// A party of a protocol that an external executable can be certified as (<c>certify &lt;role&gt;</c>): its name, what
/// it must do, its manifest, and how the executable under test is started and handed its pipes.
/// </summary>
internal abstract class CertifiableRole
{
    /// <summary>The role's name, as <c>@role:</c> tags and <c>certify</c> write it, e.g. "connector".</summary>
    public abstract string Name { get; }

    /// <summary>One sentence for <c>certify --help</c>: what the executable under test must do.</summary>
    public abstract string Summary { get; }

    /// <summary>The manifest's schema, e.g. "conformance/connector-manifest".</summary>
    public abstract string ManifestSchema { get; }

    /// <summary>Reads the manifest (when given) and the command after <c>--</c> into what a certification runs.</summary>
    /// <exception cref="ManifestException">The manifest or the command cannot be certified as given; the message says how to fix it.</exception>
    public abstract CertificationTarget ReadTarget(string? manifestPath, IReadOnlyList<string> command, SchemaSet schemas, string currentDirectory);
}
