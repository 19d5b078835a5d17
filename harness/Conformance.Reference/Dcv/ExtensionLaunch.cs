using Conformance.Dcv.Wire;

namespace Conformance.Reference.Dcv;

/// <summary>How the broker starts an extension: from its DCV manifest, as DCV does, or with an explicit command.</summary>
/// <param name="ManifestPath">The extension's DCV manifest (<c>name</c>, <c>path</c>, <c>virtual_channel_namespace</c>, …).</param>
/// <param name="Side">Which DCV it runs beside.</param>
/// <param name="Command">Executable and arguments; by default the manifest's <c>path</c>, relative to the manifest's folder.</param>
/// <param name="Environment">Variables set over the broker's own; a null value removes one.</param>
/// <param name="WorkingDirectory">Where it runs; by default the manifest's folder.</param>
/// <param name="InputFilter">
/// Wraps the stream to its standard input, e.g. to hand it every frame in small pieces (VC-16); none by default.
/// </param>
public sealed record ExtensionLaunch(
    string ManifestPath,
    GetDcvInfoResponse.Types.DcvRole Side = GetDcvInfoResponse.Types.DcvRole.Server,
    IReadOnlyList<string>? Command = null,
    IReadOnlyDictionary<string, string?>? Environment = null,
    string? WorkingDirectory = null,
    Func<Stream, Stream>? InputFilter = null);
