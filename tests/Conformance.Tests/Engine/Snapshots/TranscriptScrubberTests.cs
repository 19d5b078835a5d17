using System.Text.Json.Nodes;
using Conformance.Engine.Snapshots;
using Conformance.Protocols.Secrets;

namespace Conformance.Tests.Engine.Snapshots;

public class TranscriptScrubberTests
{
    [Test]
    public void Replaces_guids_process_ids_pipes_and_secrets_with_counters_in_order_of_appearance()
    {
        var document = JsonNode.Parse("""
            { "clock": "manual", "entries": [
              { "at": "+00:00:01.000", "sessionId": "3f2c9a7e-1b4d-4c8e-9f0a-2b7d5e6c1a93", "processId": 4242, "text": "pipe vsi-abc from 4242 for 17 s" },
              { "at": "+00:00:01.000", "other": "3F2C9A7E-1B4D-4C8E-9F0A-2B7D5E6C1A93 and 11111111-2222-3333-4444-555555555555", "password": "hunter2", "pid": 5151 }
            ] }
            """)!;

        var scrubbed = new TranscriptScrubber(new SecretMask(["hunter2"]), [4242, 5151], ["vsi-abc"]).Scrub(document).ToJsonString();

        Assert.That(scrubbed, Does.Contain("\"sessionId\":\"Guid_1\"").And.Contain("\"other\":\"Guid_1 and Guid_2\""));
        Assert.That(scrubbed, Does.Contain("\"processId\":\"Pid_1\"").And.Contain("\"pid\":\"Pid_2\""));
        Assert.That(scrubbed, Does.Contain("pipe Pipe_1 from Pid_1 for 17 s"));
        Assert.That(scrubbed, Does.Contain("\"password\":\"***\""));
    }

    [Test]
    public void Keeps_manual_clock_timings_and_numbers_each_real_timing()
    {
        var manual = JsonNode.Parse("""{ "clock": "manual", "entries": [ { "at": "+00:02:00.000" }, { "at": "+00:02:00.000" } ] }""")!;
        var real = JsonNode.Parse("""{ "clock": "real", "entries": [ { "at": "+00:00:00.153" }, { "at": "+00:00:00.153" } ] }""")!;

        var kept = new TranscriptScrubber(SecretMask.None, [], []).Scrub(manual)["entries"]!.AsArray();
        var counted = new TranscriptScrubber(SecretMask.None, [], []).Scrub(real)["entries"]!.AsArray();

        Assert.That(kept.Select(entry => entry!["at"]!.GetValue<string>()), Is.EqualTo(new[] { "+00:02:00.000", "+00:02:00.000" }));
        Assert.That(counted.Select(entry => entry!["at"]!.GetValue<string>()), Is.EqualTo(new[] { "Time_1", "Time_2" }));
    }

    [Test]
    public void Leaves_the_original_untouched()
    {
        var document = JsonNode.Parse("""{ "clock": "real", "entries": [ { "processId": 1 } ] }""")!;

        new TranscriptScrubber(SecretMask.None, [1], []).Scrub(document);

        Assert.That(document.ToJsonString(), Does.Contain("\"processId\":1"));
    }
}
