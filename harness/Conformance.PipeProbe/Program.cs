using System.Globalization;
using Conformance.Probing;

// conformance-pipe-probe client NAME WAIT-MS | server NAME WAIT-MS
// Prints one JSON object per line: what it met, and the CPU time it used while waiting.
if (args.Length != 3 || args[0] is not ("client" or "server")
    || !int.TryParse(args[2], NumberStyles.None, CultureInfo.InvariantCulture, out var waitMs) || waitMs < 1)
{
    await Console.Error.WriteLineAsync("usage: conformance-pipe-probe client|server PIPE-NAME WAIT-MS");
    return 2;
}

var report = new ProbeReport(Console.Out);
var wait = TimeSpan.FromMilliseconds(waitMs);
try
{
    await (args[0] == "client" ? ProbeEnds.ClientAsync(args[1], wait, report) : ProbeEnds.ServerAsync(args[1], wait, report));
    return 0;
}
catch (Exception exception) when (exception is ArgumentException or IOException or UnauthorizedAccessException)
{
    report.Line(("error", exception.Message));
    return 1;
}
