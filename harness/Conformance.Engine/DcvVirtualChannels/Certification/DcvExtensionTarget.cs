using Conformance.Reference.Dcv;

namespace Conformance.Engine.DcvVirtualChannels.Certification;

/// <summary>
/// A DCV extension under test: how to start it, what its DCV manifest says, and how long the harness watches it. In a
/// self-check it is the reference extension; under <c>certify dcv-extension</c> it comes from the manifest and the command.
/// </summary>
internal sealed record DcvExtensionTarget
{
    /// <summary>Executable and arguments.</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>Where it runs.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>Variables set over the harness's environment.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The extension's name, as the DCV manifest the harness writes for it says.</summary>
    public string Name { get; init; } = "extension-under-test";

    /// <summary>Its channels' namespace (VC-08), as its DCV manifest says.</summary>
    public string Namespace { get; init; } = "conformance";

    /// <summary>How many channels the harness asks it to set up, through CONFORMANCE_DCV_CHANNELS; five meets the limit (VC-07, VC-13).</summary>
    public int Channels { get; init; } = 5;

    /// <summary>The longest the harness watches one session.</summary>
    public TimeSpan Session { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long nothing may happen before the session is taken as over.</summary>
    public TimeSpan Quiet { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>How long it may take to exit once the harness closes its control channel, before it is ended.</summary>
    public TimeSpan Exit { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>What a report calls it.</summary>
    public string Description => string.Join(' ', Command);

    /// <summary>The reference extension, greeting on each channel it sets up, as the self-check certifies it.</summary>
    public static DcvExtensionTarget Reference() => new()
    {
        Command = ReferenceDcvExtensionCommand.Command("--channels", "5", "--greet", "hello from the reference extension"),
        WorkingDirectory = AppContext.BaseDirectory,
    };
}
