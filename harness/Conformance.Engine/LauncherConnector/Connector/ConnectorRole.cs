using Conformance.Engine.Modules;
using Conformance.Engine.Validation;

namespace Conformance.Engine.LauncherConnector.Connector;

/// <summary><c>certify connector</c>: a connector executable in any language, handed its pipe in VSI_IPC_PIPE_NAME.</summary>
internal sealed class ConnectorRole : CertifiableRole
{
    /// <inheritdoc />
    public override string Name => "connector";

    /// <inheritdoc />
    public override string Summary => "A Login Enterprise custom connector: reads its pipe from VSI_IPC_PIPE_NAME, takes the configuration line, reports the remote window's course (LC-C01 to LC-C14).";

    /// <inheritdoc />
    public override string ManifestSchema => ConnectorManifest.Schema;

    /// <inheritdoc />
    public override CertificationTarget ReadTarget(string? manifestPath, IReadOnlyList<string> command, SchemaSet schemas, string currentDirectory) =>
        new ConnectorCertification(ConnectorManifest.Read(manifestPath, command, schemas, currentDirectory));
}
