using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Conformance.Engine.Documentation.Diagrams;

/// <summary>
/// Draws a transcript as a sequence diagram in SVG, by hand (no library, no script): a lifeline per party, then
/// one row per entry in the transcript's order — a solid arrow per message, a dashed one per action, a note per
/// what one party did alone — with the entry's time as the transcript shows it ("+00:02:00.000" under the manual
/// clock, "Time_3" when scrubbed) in the left margin. Every label is escaped, and the whole entry, secrets masked
/// as the transcript has them, is each row's tooltip.
/// </summary>
internal static class SequenceDiagram
{
    private const int TimeColumn = 112;
    private const int HeadHeight = 34;
    private const int Top = 12;
    private const int RowHeight = 28;
    private const int LaneGap = 16;
    private const int LongestArrow = 480;
    private const int WidestNote = 420;
    private const int WidestHead = 200;
    private const double CharacterWidth = 6.6;

    /// <summary>The diagram of a transcript document (an object with "entries"), drawn as <paramref name="parties"/> says.</summary>
    public static string Draw(JsonNode? transcript, TranscriptParties parties, string title)
    {
        var entries = transcript?["entries"] is JsonArray array ? array.OfType<JsonObject>().ToList() : [];
        return Draw(entries, parties, title);
    }

    /// <summary>The diagram of <paramref name="entries"/>, in their order, drawn as <paramref name="parties"/> says.</summary>
    public static string Draw(IReadOnlyList<JsonObject> entries, TranscriptParties parties, string title)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(parties);
        var rows = entries.Select(entry => (At: EntryText.Field(entry, "at") ?? "", Step: parties.Draw(entry), Tooltip: EntryText.Whole(entry))).ToList();
        var lanes = Lanes(parties, rows.Select(row => row.Step).ToList());
        var width = lanes.Count == 0 ? TimeColumn + 200 : lanes[^1].Center + lanes[^1].Half + 10;
        var lifelineTop = Top + HeadHeight;
        var height = lifelineTop + 14 + (Math.Max(rows.Count, 1) * RowHeight) + 10;

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"sequence\" role=\"img\" aria-label=\"{Markup.Escape(title)}\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"system-ui, sans-serif\" font-size=\"12\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Markup.Escape(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"#fff\"/>");
        foreach (var lane in lanes)
        {
            var center = lane.Center;
            var note = lane.Name == TranscriptParties.NotesLane;
            var head = Math.Min(WidestHead, TextWidth(lane.Name) + 24);
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"seq-party\"><line x1=\"{center}\" y1=\"{lifelineTop}\" x2=\"{center}\" y2=\"{height - 6}\" stroke=\"#bbb\" stroke-dasharray=\"4 3\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{center - (head / 2)}\" y=\"{Top}\" width=\"{head}\" height=\"{HeadHeight - 8}\" rx=\"4\" fill=\"{(note ? "#f4f4f4" : "#e8eef7")}\" stroke=\"#8aa\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{center}\" y=\"{Top + 18}\" text-anchor=\"middle\" font-weight=\"bold\">{Markup.Escape(Markup.Shorten(lane.Name, Fit(head - 12)))}</text></g>");
        }

        if (rows.Count == 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{TimeColumn}\" y=\"{lifelineTop + 24}\" fill=\"#777\">(no entries)</text>");
        }

        for (var index = 0; index < rows.Count; index++)
        {
            var (at, step, tooltip) = rows[index];
            var y = lifelineTop + 14 + (index * RowHeight) + (RowHeight / 2);
            var kind = step is SequenceArrow { IsMessage: true } ? "seq-message" : step is SequenceArrow ? "seq-action" : "seq-note";
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"{kind}\"><title>{Markup.Escape(tooltip)}</title>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"6\" y=\"{y + 4}\" font-family=\"ui-monospace, monospace\" font-size=\"11\" fill=\"#555\">{Markup.Escape(Markup.Shorten(at, 17))}</text>");
            switch (step)
            {
                case SequenceArrow arrow when arrow.From != arrow.To:
                    Arrow(svg, lanes, arrow, y);
                    break;
                case SequenceArrow arrow:
                    Note(svg, lanes.First(lane => lane.Name == arrow.From), arrow.Label, y, "#eef6ee", "#9b9");
                    break;
                case SequenceNote note:
                    Note(svg, lanes.First(lane => lane.Name == note.On), note.Label, y, "#fff8dc", "#d8c890");
                    break;
                default:
                    break;
            }

            svg.Append("</g>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Arrow(StringBuilder svg, IReadOnlyList<Lane> lanes, SequenceArrow arrow, int y)
    {
        var from = lanes.First(lane => lane.Name == arrow.From).Center;
        var to = lanes.First(lane => lane.Name == arrow.To).Center;
        var direction = Math.Sign(to - from);
        var tip = to - (direction * 2);
        var color = arrow.IsMessage ? "#1f3b63" : "#777";
        var dash = arrow.IsMessage ? "" : " stroke-dasharray=\"5 3\"";
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{from}\" y1=\"{y + 6}\" x2=\"{tip}\" y2=\"{y + 6}\" stroke=\"{color}\" stroke-width=\"1.4\"{dash}/>");
        var head = $"{tip},{y + 6} {tip - (direction * 9)},{y + 2} {tip - (direction * 9)},{y + 10}";
        svg.Append(arrow.IsMessage
            ? $"<polygon points=\"{head}\" fill=\"{color}\"/>"
            : $"<polyline points=\"{tip - (direction * 9)},{y + 2} {tip},{y + 6} {tip - (direction * 9)},{y + 10}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"1.4\"/>");
        var label = Markup.Shorten(arrow.Label, Fit(Math.Abs(to - from) - 12));
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(from + to) / 2}\" y=\"{y + 1}\" text-anchor=\"middle\" fill=\"{(arrow.IsMessage ? "#111" : "#555")}\">{Markup.Escape(label)}</text>");
    }

    private static void Note(StringBuilder svg, Lane lane, string label, int y, string fill, string stroke)
    {
        var width = NoteWidth(label);
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{lane.Center - (width / 2)}\" y=\"{y - 9}\" width=\"{width}\" height=\"20\" rx=\"3\" fill=\"{fill}\" stroke=\"{stroke}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{lane.Center}\" y=\"{y + 5}\" text-anchor=\"middle\" fill=\"#333\">{Markup.Escape(Markup.Shorten(label, Fit(width - 10)))}</text>");
    }

    private static int Fit(int pixels) => Math.Max(4, (int)(pixels / CharacterWidth));

    private static int TextWidth(string text) => (int)Math.Ceiling(text.Length * CharacterWidth);

    private static int NoteWidth(string label) => Math.Min(WidestNote, TextWidth(label) + 16);

    // Lanes take part in the order of the table, then parties only a drawing names, the notes lane last. Each
    // lane is as far from the one before as its notes and the labels of the arrows that reach it need.
    private static List<Lane> Lanes(TranscriptParties parties, IReadOnlyList<SequenceStep> steps)
    {
        var used = new List<string>();
        foreach (var step in steps)
        {
            var names = step switch
            {
                SequenceArrow arrow => new[] { arrow.From, arrow.To },
                SequenceNote note => new[] { note.On },
                _ => [],
            };
            used.AddRange(names.Where(name => !used.Contains(name, StringComparer.Ordinal)));
        }

        var ordered = parties.Parties.Where(used.Contains)
            .Concat(used.Where(name => name != TranscriptParties.NotesLane && !parties.Parties.Contains(name)))
            .Concat(used.Where(name => name == TranscriptParties.NotesLane))
            .ToList();
        if (ordered.Count == 0)
        {
            ordered = [.. parties.Parties];
        }

        var halves = ordered.Select(name => Math.Max(
            Math.Min(WidestHead, TextWidth(name) + 24) / 2,
            steps.Select(step => step switch
            {
                SequenceNote note when note.On == name => NoteWidth(note.Label) / 2,
                SequenceArrow arrow when arrow.From == name && arrow.To == name => NoteWidth(arrow.Label) / 2,
                _ => 0,
            }).DefaultIfEmpty(0).Max())).ToList();
        var centers = new List<int>();
        for (var index = 0; index < ordered.Count; index++)
        {
            var center = index == 0 ? TimeColumn + halves[0] + 6 : centers[index - 1] + halves[index - 1] + halves[index] + LaneGap;
            foreach (var arrow in steps.OfType<SequenceArrow>())
            {
                var (from, to) = (ordered.IndexOf(arrow.From), ordered.IndexOf(arrow.To));
                if (from != to && Math.Max(from, to) == index)
                {
                    center = Math.Max(center, centers[Math.Min(from, to)] + Math.Min(LongestArrow, TextWidth(arrow.Label) + 28));
                }
            }

            centers.Add(center);
        }

        return ordered.Select((name, index) => new Lane(name, centers[index], halves[index])).ToList();
    }

    private sealed record Lane(string Name, int Center, int Half);
}
