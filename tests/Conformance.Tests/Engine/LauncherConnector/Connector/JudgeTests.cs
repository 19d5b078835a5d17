using System.Text;
using Conformance.Engine.LauncherConnector.Connector;
using Conformance.Engine.LauncherConnector.Connector.Judges;
using Conformance.Protocols.LauncherConnector;
using Conformance.Protocols.Lines;

namespace Conformance.Tests.Engine.LauncherConnector.Connector;

/// <summary>The connector judges on lines read by the real line reader, so their verdicts rest on the same defects the harness sees.</summary>
public class JudgeTests
{
    private static async Task<IReadOnlyList<ReceivedLine>> Lines(params byte[][] chunks)
    {
        var reader = new LineReader(new MemoryStream(chunks.SelectMany(chunk => chunk).ToArray()), maxLineBytes: 128);
        var lines = new List<ReceivedLine>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var parsed = line.Text is null ? null : CustomConnectorEventParser.Parse(line.Text);
            lines.Add(new ReceivedLine(line, TimeSpan.FromMilliseconds(lines.Count), parsed, [], parsed?.Event?.ProcessId is null ? null : false));
        }

        return lines;
    }

    private static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    [Test]
    public async Task LC_C02_names_invalid_UTF8_over_long_and_unterminated_lines()
    {
        var lines = await Lines(Text("{\"a\":\""), [0xFF], Text("\"}\n"), Text(new string('x', 200) + "\n"), Text("{\"cut"));

        var violations = LineJudge.Framing(lines, limitBytes: 128).ToList();

        Assert.That(violations.Select(v => v.Requirement), Is.All.EqualTo("LC-C02"));
        Assert.That(violations.Select(v => v.Actual), Has.Some.Contains("invalid byte").And.Some.Contains("is 200 bytes").And.Some.Contains("cut off"));
    }

    [Test]
    public async Task LC_C02_names_a_line_that_is_not_one_JSON_object()
    {
        var violations = LineJudge.OneJsonObject(await Lines(Text("[1]\n{\"eventType\":\"Custom\",\"message\":\"\"}\nnope\n"))).ToList();

        Assert.That(violations.Select(v => v.Actual), Has.Exactly(1).Contains("line 1").And.Exactly(1).Contains("line 3"));
    }

    [Test]
    public async Task LC_C03_names_the_byte_order_mark_and_the_lines_with_CR()
    {
        var lines = await Lines([0xEF, 0xBB, 0xBF], Text("{}\r\n{}\n{}\r\n"));

        Assert.That(LineJudge.NoByteOrderMark(lines).Single().Requirement, Is.EqualTo("LC-C03"));
        Assert.That(LineJudge.NoCarriageReturn(lines).Single().Actual, Is.EqualTo("lines 1, 3 end with CR LF"));
    }

    [Test]
    public async Task LC_C06_forbids_a_window_after_the_end_and_a_failure_after_a_window()
    {
        var lines = await Lines(Text(string.Join('\n',
            "{\"eventType\":\"RemoteConnectionWindowCreated\",\"message\":\"\"}",
            "{\"eventType\":\"RemoteConnectionFailure\",\"message\":\"x\"}",
            "{\"eventType\":\"RemoteConnectionWindowCreated\",\"message\":\"\"}") + "\n"));

        var violations = EventJudge.Order(lines).ToList();

        Assert.That(violations, Has.Count.EqualTo(2));
        Assert.That(violations[0].Actual, Does.Contain("failure after line 1"));
        Assert.That(violations[1].Actual, Does.Contain("window created after line 2"));
    }

    [Test]
    public async Task LC_C06_allows_a_closed_window_without_an_earlier_created_one()
    {
        var lines = await Lines(Text("{\"eventType\":\"RemoteConnectionWindowClosed\",\"message\":\"\"}\n"));

        Assert.That(EventJudge.Order(lines), Is.Empty);
    }

    [Test]
    public async Task LC_C05_forbids_a_process_id_on_anything_but_a_window_and_a_dead_process()
    {
        var lines = await Lines(Text("{\"eventType\":\"Custom\",\"message\":\"x\",\"processId\":7}\n{\"eventType\":\"RemoteConnectionWindowCreated\",\"message\":\"x\",\"processId\":8}\n"));

        Assert.That(EventJudge.ProcessIdOnlyOnWindowCreated(lines).Single().Actual, Does.Contain("(Custom) carries processId 7"));
        Assert.That(EventJudge.ProcessIdAlive(lines).Count(), Is.EqualTo(2));
    }

    [Test]
    public async Task LC_C10_allows_Custom_after_the_final_event_but_nothing_else()
    {
        var lines = await Lines(Text(string.Join('\n',
            "{\"eventType\":\"RemoteConnectionFailure\",\"message\":\"x\"}",
            "{\"eventType\":\"Custom\",\"message\":\"log\"}",
            "{\"eventType\":\"RemoteConnectionWindowClosed\",\"message\":\"\"}") + "\n"));

        Assert.That(EventJudge.QuietAfterFinal(lines).Single().Actual, Does.StartWith("line 3: RemoteConnectionWindowClosed"));
    }

    [Test]
    public async Task LC_C14_counts_characters_not_bytes()
    {
        var lines = await Lines(Text("{\"eventType\":\"Custom\",\"message\":\"\"}\n{\"eventType\":\"Custom\",\"message\":\"ééé\"}\n"));

        var violations = LineJudge.MessageLength(lines, maxCharacters: 3).ToList();

        Assert.That(violations.Single().Actual, Is.EqualTo("line 1's message has 0 characters"));
    }

    [Test]
    public void LC_C11_measures_spinning_over_at_least_one_second()
    {
        Assert.That(ExitJudge.Quiet(TimeSpan.FromMilliseconds(80), TimeSpan.FromMilliseconds(100)), Is.Empty, "a prompt exit's own work");
        Assert.That(ExitJudge.Quiet(TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(3)).Single().Actual, Does.StartWith("20"), "the exit's allowance is taken off first");
    }

    [Test]
    public void LC_C11_grants_the_exit_its_own_work_but_not_a_second_of_spinning()
    {
        Assert.That(ExitJudge.Quiet(ExitJudge.ExitWorkAllowance, TimeSpan.FromMilliseconds(400)), Is.Empty, "a managed runtime's shutdown");
        Assert.That(ExitJudge.Quiet(TimeSpan.FromMilliseconds(1500), TimeSpan.FromSeconds(10)), Has.Exactly(1).Items, "1.5 s of spinning within the exit deadline");
    }
}
