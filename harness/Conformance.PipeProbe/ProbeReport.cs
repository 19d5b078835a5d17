using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Conformance.Probing;

/// <summary>
/// Writes the probe's findings, one JSON object per line, flushed at once. The lines are formatted by hand:
/// a reflection-based serializer would leave the runtime optimising its code in the background during the very
/// waits whose processor time the probe measures.
/// </summary>
internal sealed class ProbeReport(TextWriter output)
{
    public void Line(params (string Name, object? Value)[] members)
    {
        var line = new StringBuilder("{");
        foreach (var (name, value) in members)
        {
            line.Append(line.Length > 1 ? ",\"" : "\"").Append(name).Append("\":").Append(value switch
            {
                null => "null",
                bool flag => flag ? "true" : "false",
                long or int => Convert.ToString(value, CultureInfo.InvariantCulture),
                _ => "\"" + JavaScriptEncoder.Default.Encode(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "") + "\"",
            });
        }

        output.WriteLine(line.Append('}').ToString());
        output.Flush();
    }

    /// <summary>The wall clock in Unix milliseconds: the harness, on the same machine, compares it with its own.</summary>
    public static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    /// <summary>This process's CPU time so far, every thread counted.</summary>
    public static TimeSpan CpuTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}
