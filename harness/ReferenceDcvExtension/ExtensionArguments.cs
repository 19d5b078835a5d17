using System.Globalization;

namespace ReferenceDcvExtension;

/// <summary>
/// What the reference extension does: <c>--channels N</c> channels (default 1) named <c>echo</c>, <c>echo-2</c>, …,
/// each echoing what arrives; or, with <c>--greet TEXT</c>, one channel that sends TEXT, reads the other party's
/// echo of it, and closes the channel. Without <c>--channels</c>, CONFORMANCE_DCV_CHANNELS (set by
/// <c>certify dcv-extension</c>) says how many. Anything it cannot parse it ignores: an extension never writes to
/// standard error (VC-11), and standard output is its control channel.
/// </summary>
internal sealed record ExtensionArguments(int Channels, string? Greeting)
{
    public static ExtensionArguments Parse(string[] args)
    {
        var channels = int.TryParse(Environment.GetEnvironmentVariable("CONFORMANCE_DCV_CHANNELS"), NumberStyles.None, CultureInfo.InvariantCulture, out var asked) && asked > 0 ? asked : 1;
        string? greeting = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--channels" when int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0:
                    channels = count;
                    break;
                case "--greet":
                    greeting = args[i + 1];
                    break;
            }
        }

        return new ExtensionArguments(channels, greeting);
    }

    public static string ChannelName(int index) => index == 0 ? "echo" : string.Create(CultureInfo.InvariantCulture, $"echo-{index + 1}");
}
