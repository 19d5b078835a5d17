using System.IO.Pipelines;
using Conformance.Dcv.Manifest;
using Conformance.Processes;

namespace Conformance.Reference.Dcv;

/// <summary>Starting extensions from their DCV manifests, each under supervision, its control channel on stdin and stdout.</summary>
public sealed partial class DcvBroker
{
    private readonly List<ExtensionProcess> _extensions = [];

    /// <summary>
    /// Starts the extension <paramref name="launch"/> describes, below a process host, and serves its control
    /// channel: the broker reads its standard output and writes its standard input.
    /// </summary>
    /// <exception cref="ArgumentException">The manifest names no <c>path</c> and no command was given.</exception>
    /// <exception cref="System.Text.Json.JsonException">The manifest is not valid.</exception>
    /// <exception cref="ProcessStartException">The extension could not be started.</exception>
    public async Task<ExtensionProcess> StartExtensionAsync(ExtensionLaunch launch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var manifestPath = Path.GetFullPath(launch.ManifestPath);
        var manifest = await DcvExtensionManifest.LoadAsync(manifestPath, cancellationToken).ConfigureAwait(false);
        var folder = Path.GetDirectoryName(manifestPath)!;
        IReadOnlyList<string> command = launch.Command is { Count: > 0 }
            ? launch.Command
            : manifest.Path is { Length: > 0 } path
                ? [Path.GetFullPath(Path.Combine(folder, path))]
                : throw new ArgumentException($"The manifest {manifestPath} names no path, and no command was given.", nameof(launch));
        var process = await SupervisedProcess.StartAsync(
            new ProcessLaunch(command, launch.WorkingDirectory ?? folder, launch.Environment ?? new Dictionary<string, string?>(), StandardOutputIsChannel: true),
            cancellationToken).ConfigureAwait(false);
        var party = new BrokerParty(manifest.Name ?? Path.GetFileName(command[0]), launch.Side, manifest.VirtualChannelNamespace, manifestPath);
        var session = Attach(party, process.StandardOutputChannel!, PipeWriter.Create(launch.InputFilter?.Invoke(process.StandardInput) ?? process.StandardInput));
        var extension = new ExtensionProcess(process, session, manifest, Options);
        lock (_gate)
        {
            _extensions.Add(extension);
        }

        return extension;
    }

    private List<ExtensionProcess> TakeExtensions()
    {
        lock (_gate)
        {
            var extensions = _extensions.ToList();

            // Stryker disable once Statement : a broker disposed again disposes each extension again, which finds its process and session disposed already and does nothing
            _extensions.Clear();
            return extensions;
        }
    }
}
