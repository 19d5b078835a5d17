using Conformance.Engine.Modules;
using Conformance.Engine.Running;
using Conformance.Engine.Validation;

namespace Conformance.Engine.DcvVirtualChannels.Certification;

/// <summary><c>certify dcv-extension</c>: an extension executable in any language, its control channel on standard input and output.</summary>
internal sealed class DcvExtensionRole : CertifiableRole
{
    /// <inheritdoc />
    public override string Name => "dcv-extension";

    /// <inheritdoc />
    public override string Summary => "A DCV extension: LE32 protobuf control frames on standard input and output, sets up the channels CONFORMANCE_DCV_CHANNELS asks for, opens each relay from the process it named with the token first, nothing on standard error (VC-01, VC-04, VC-11, VC-13, VC-15, VC-16).";

    /// <inheritdoc />
    public override string ManifestSchema => DcvExtensionManifest.Schema;

    /// <inheritdoc />
    public override CertificationTarget ReadTarget(string? manifestPath, IReadOnlyList<string> command, SchemaSet schemas, string currentDirectory) =>
        new DcvExtensionCertification(DcvExtensionManifest.Read(manifestPath, command, schemas, currentDirectory));
}

/// <summary>An extension to run the dcv-extension scenarios against.</summary>
internal sealed class DcvExtensionCertification(DcvExtensionTarget target) : CertificationTarget
{
    /// <inheritdoc />
    public override string Role => "dcv-extension";

    /// <inheritdoc />
    public override IReadOnlyList<string> Command => target.Command;

    /// <inheritdoc />
    public override void Configure(RunContext run)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.With(target);

        // One session, its exit, and room to start and end processes on a busy machine.
        run.AllowScenarioTime(target.Session + target.Exit + TimeSpan.FromSeconds(45));
    }
}
