using Conformance.Engine.LauncherConnector.Launch;

namespace Conformance.Cli.Commands;

/// <summary>Keys for a <c>launch</c> session on a terminal: e, l, c, q — read on a thread of their own until disposed.</summary>
internal sealed class KeyboardActions : IDisposable
{
    private static readonly Dictionary<char, LaunchAction> Keys = new()
    {
        ['e'] = LaunchAction.EndRemoteClient,
        ['l'] = LaunchAction.LogOff,
        ['c'] = LaunchAction.ClosePipe,
        ['q'] = LaunchAction.Quit,
    };

    private readonly CancellationTokenSource _stop = new();

    private KeyboardActions(Action<LaunchAction> request)
    {
        var thread = new Thread(() => Read(request)) { IsBackground = true, Name = "launch keys" };
        thread.Start();
    }

    /// <summary>Starts reading keys when there is a terminal to read them from; null otherwise (use --script).</summary>
    public static KeyboardActions? TryStart(TextWriter output, Action<LaunchAction> request)
    {
        if (Console.IsInputRedirected || !ReferenceEquals(output, Console.Out))
        {
            return null;
        }

        output.WriteLine("keys: [e] end the remote client   [l] log the user off   [c] close the pipe   [q] quit");
        return new KeyboardActions(request);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private void Read(Action<LaunchAction> request)
    {
        // ReadKey blocks this background thread until a key comes; the thread ends with the process.
        while (!_stop.IsCancellationRequested)
        {
            if (Keys.TryGetValue(char.ToLowerInvariant(Console.ReadKey(intercept: true).KeyChar), out var action) && !_stop.IsCancellationRequested)
            {
                request(action);
            }
        }
    }
}
