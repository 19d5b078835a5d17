using Conformance.Engine.Bindings;
using Conformance.Engine.Documentation.Diagrams;
using Conformance.Engine.Running;

namespace Conformance.Engine.Modules;

/// <summary>
/// One protocol as the engine sees it: its features and schemas live in folders of its name, its step
/// bindings match only its own scenarios, it says which roles an external executable can be certified as,
/// and it registers what its scenarios need to run against the reference implementations. The engine's core
/// and the command line name no protocol; they ask the modules.
/// </summary>
internal interface IProtocolModule
{
    /// <summary>The folder under <c>features/</c> and <c>schemas/</c>, e.g. "launcher-connector".</summary>
    string Protocol { get; }

    /// <summary>The step bindings of this protocol's scenarios.</summary>
    StepRegistry Steps { get; }

    /// <summary>The roles an external executable can be certified as.</summary>
    IReadOnlyList<CertifiableRole> Roles { get; }

    /// <summary>
    /// The parties of this protocol's transcripts and which entry kind is drawn how in a sequence diagram; the
    /// generic table (sent and received between the harness and the party under test) unless the protocol extends it.
    /// </summary>
    TranscriptParties Parties => TranscriptParties.Generic;

    /// <summary>Registers the run-wide services this protocol's scenarios need against the reference implementations.</summary>
    void ConfigureReference(RunContext run);
}
