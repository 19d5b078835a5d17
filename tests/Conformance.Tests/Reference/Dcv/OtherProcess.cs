using System.Globalization;
using System.Text;
using Conformance.Processes;

namespace Conformance.Tests.Reference.Dcv;

/// <summary>
/// A second process, so that a relay can be opened by a process other than the test's: a small Python loop that,
/// for each line "PATH HEXTOKEN" on its standard input, opens that relay, writes the token, and prints what
/// happened — "connected" (nothing came back at once), "closed without a byte", or "refused …".
/// </summary>
internal sealed class OtherProcess : IAsyncDisposable
{
    private const string Script = """
        import socket, sys
        held = []
        for line in sys.stdin:
            path, token = line.split()
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                s.connect("\0" + path)
            except OSError as e:
                print("refused " + e.strerror, flush=True)
                continue
            s.sendall(bytes.fromhex(token))
            s.settimeout(1.0)
            try:
                data = s.recv(1)
                print("closed without a byte" if data == b"" else "sent a byte", flush=True)
            except socket.timeout:
                print("connected", flush=True)
            except ConnectionResetError:
                print("closed without a byte", flush=True)
            held.append(s)
        """;

    private readonly SupervisedProcess _process;
    private readonly StreamReader _lines;

    private OtherProcess(SupervisedProcess process)
    {
        _process = process;
        _lines = new StreamReader(process.StandardOutputChannel!.AsStream(), Encoding.UTF8);
    }

    public int ProcessId => _process.ProcessId;

    public static async Task<OtherProcess> StartAsync()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/python3"))
        {
            Assert.Ignore("needs Linux and /usr/bin/python3 for a second process that opens an abstract relay");
        }

        var launch = new ProcessLaunch(["/usr/bin/python3", "-u", "-c", Script], Path.GetTempPath(), new Dictionary<string, string?>(), StandardOutputIsChannel: true);
        return new OtherProcess(await SupervisedProcess.StartAsync(launch));
    }

    /// <summary>Opens the relay at <paramref name="relayPath"/> from this process, writes <paramref name="token"/>, and says what happened.</summary>
    public async Task<string> ConnectAsync(string relayPath, byte[] token)
    {
        await _process.StandardInput.WriteAsync(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{relayPath} {Convert.ToHexString(token)}\n")));
        await _process.StandardInput.FlushAsync();
        return await _lines.ReadLineAsync().WaitAsync(ScriptedParty.Bound) ?? "ended";
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _lines.Dispose();
    }
}
