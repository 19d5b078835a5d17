using System.Diagnostics;

namespace Conformance.Tests.Support;

/// <summary>Runs a small Python client as the unprivileged account <c>nobody</c>, to check refusals of other accounts.</summary>
internal static class OtherAccount
{
    private const string Python = "/usr/bin/python3";
    private const string Setpriv = "/usr/bin/setpriv";

    /// <summary>Ignores the calling test, saying why, unless this machine can run a process as another account.</summary>
    public static void RequireIt()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || !File.Exists(Python) || !File.Exists(Setpriv))
        {
            Assert.Ignore("needs Linux, root, /usr/bin/python3 and /usr/bin/setpriv to run a client as another account");
        }
    }

    /// <summary>The account's uid, as <c>id -u nobody</c> reports it.</summary>
    public static async Task<uint> UserIdAsync()
    {
        var start = new ProcessStartInfo("id") { RedirectStandardOutput = true };
        start.ArgumentList.Add("-u");
        start.ArgumentList.Add("nobody");
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return uint.Parse(output.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Connects to the Unix socket at <paramref name="path"/> as nobody; returns what happened, e.g. "refused: EACCES" or "read 0 bytes".</summary>
    public static async Task<string> TryConnectAsync(string path)
    {
        const string script = """
            import errno, socket, sys
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.settimeout(5)
            try:
                s.connect(sys.argv[1])
            except OSError as e:
                print("refused: " + errno.errorcode.get(e.errno, str(e.errno)))
                sys.exit(0)
            try:
                data = s.recv(65536)
                print("read %d bytes" % len(data))
            except OSError as e:
                print("read failed: " + errno.errorcode.get(e.errno, str(e.errno)))
            """;
        var start = new ProcessStartInfo(Setpriv) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--reuid=nobody", "--regid=nogroup", "--clear-groups", Python, "-c", script, path })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = await process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (output + error).Trim();
    }
}
