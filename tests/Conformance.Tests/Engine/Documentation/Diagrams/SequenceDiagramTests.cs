using System.Text.Json.Nodes;
using System.Xml.Linq;
using Conformance.Engine.Documentation.Diagrams;
using Conformance.Engine.LauncherConnector;
using Conformance.Tests.Support;

namespace Conformance.Tests.Engine.Documentation.Diagrams;

/// <summary>Issue 10: each approved transcript drawn as a sequence diagram, in SVG the project draws itself.</summary>
public class SequenceDiagramTests
{
    private static readonly string Snapshots = Path.Combine(Project.Layout.Root, "tests", "Conformance.Tests", "Snapshots");

    private static TranscriptParties Parties => new LauncherConnectorModule().Parties;

    private static JsonObject Approved(string feature, string scenario) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Snapshots, feature, scenario + ".verified.json")))!.AsObject();

    private static IEnumerable<XElement> Groups(XDocument svg, string css) =>
        svg.Root!.Elements("g").Where(group => (string?)group.Attribute("class") == css);

    [Test]
    public void Every_approved_transcript_draws_as_well_formed_xml()
    {
        var files = Directory.EnumerateFiles(Snapshots, "*.verified.json", SearchOption.AllDirectories).ToList();
        Assert.That(files, Is.Not.Empty);

        foreach (var file in files)
        {
            var svg = SequenceDiagram.Draw(JsonNode.Parse(File.ReadAllText(file)), Parties, Path.GetFileName(file));
            Assert.DoesNotThrow(() => XDocument.Parse(svg), file);
        }
    }

    [Test]
    public void Draws_one_arrow_per_message_in_the_transcripts_order_with_its_timing()
    {
        var transcript = Approved("connector-lines", "no-byte-order-mark-and-no-cr-launchable-configuration");
        var entries = transcript["entries"]!.AsArray().Select(entry => entry!.AsObject()).ToList();

        var svg = XDocument.Parse(SequenceDiagram.Draw(transcript, Parties, "t"));

        var messages = Groups(svg, "seq-message").ToList();
        var sentOrReceived = entries.Where(entry => (string?)entry["kind"] is "sent" or "received").ToList();
        Assert.That(messages, Has.Count.EqualTo(sentOrReceived.Count).And.Count.EqualTo(4));
        Assert.That(messages.Select(message => message.Element("title")!.Value), Is.EqualTo(sentOrReceived.Select(entry => entry.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))));
        Assert.That(messages.Select(message => message.Elements("text").First().Value), Is.EqualTo(new[] { "Time_3", "Time_4", "Time_5", "Time_7" }));
        Assert.That(messages[0].Elements("text").Last().Value, Is.EqualTo("ConnectionConfiguration"));
        Assert.That(messages[2].Elements("text").Last().Value, Does.StartWith("RemoteConnectionWindowCreated"));
        var rows = svg.Root!.Elements("g").Where(group => ((string?)group.Attribute("class"))?.StartsWith("seq-", StringComparison.Ordinal) == true && (string?)group.Attribute("class") != "seq-party");
        Assert.That(rows.Count(), Is.EqualTo(entries.Count), "one row per entry");
    }

    [Test]
    public void Shows_the_manual_clocks_timings_and_posts_to_the_appliance_as_messages()
    {
        var transcript = Approved("launcher-closing-out", "after-a-failure-the-legacy-delayed-connectionended-comes-once-and-moves-nothing");

        var svg = XDocument.Parse(SequenceDiagram.Draw(transcript, Parties, "t"));

        var parties = Groups(svg, "seq-party").Select(party => party.Element("text")!.Value).ToList();
        Assert.That(parties, Is.EqualTo(new[] { "appliance", "Launcher", "connector" }));
        Assert.That(Groups(svg, "seq-message").Select(message => message.Elements("text").Last().Value),
            Is.EqualTo(new[] { "ConnectionStarted", "ConnectionConfiguration", "RemoteConnectionFailure “host unreachable”", "ConnectionFailed", "ConnectionEnded" }));
        Assert.That(Groups(svg, "seq-message").Last().Elements("text").First().Value, Is.EqualTo("+00:00:30.000"));
    }

    [Test]
    public void Keeps_secrets_masked_as_the_transcript_has_them()
    {
        var transcript = Approved("connector-secrets", "neither-secret-leaves-the-pipe-launchable-configuration");

        var svg = SequenceDiagram.Draw(transcript, Parties, "t");

        Assert.That(svg, Does.Contain("&quot;password&quot;:&quot;***&quot;"));
    }

    [Test]
    public void Draws_a_kind_no_table_names_in_the_notes_lane_and_escapes_every_text()
    {
        var entries = new List<JsonObject>
        {
            new() { ["at"] = "+00:00:01.000", ["kind"] = "sent", ["line"] = "<script>alert(1)</script>" },
            new() { ["at"] = "Time_2", ["kind"] = "wire-frobnicated", ["detail"] = "bytes \u0001\u0002 & \"quotes\" \ud800" },
        };

        var text = SequenceDiagram.Draw(entries, TranscriptParties.Generic, "a <title>");
        var svg = XDocument.Parse(text);

        Assert.That(text, Does.Not.Contain("<script>"));
        Assert.That(Groups(svg, "seq-party").Select(party => party.Element("text")!.Value), Is.EqualTo(new[] { "harness", "party under test", TranscriptParties.NotesLane }));
        Assert.That(Groups(svg, "seq-note").Single().Elements("text").Last().Value, Does.StartWith("wire-frobnicated: detail: bytes"));
        Assert.That(Groups(svg, "seq-message").Single().Elements("text").Last().Value, Is.EqualTo("<script>alert(1)</script>"));
    }

    [Test]
    public void Draws_an_empty_transcript_as_the_parties_alone()
    {
        var svg = XDocument.Parse(SequenceDiagram.Draw([], Parties, "empty"));

        Assert.That(svg.Root!.Value, Does.Contain("(no entries)"));
    }
}
