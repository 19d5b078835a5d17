using Conformance.Engine.Bindings;
using Conformance.Reference.Launcher;

namespace Conformance.Engine.LauncherConnector.Launcher.Steps;

/// <summary>Checks what the Launcher's log says about the lines it received (LC-L15).</summary>
[Binding]
internal sealed class LauncherLineReportSteps(ScriptedLauncherSession launcher, LauncherExpectations expect)
{
    [Then("the Launcher reports line (\\d+) as malformed because (.+)")]
    public void ThenTheLineIsReported(int number, string because)
    {
        var report = Rejection(number);
        expect.Expect(report is not null && report.Reason.Contains(because, StringComparison.Ordinal),
            $"line {number} reported as malformed, the reason saying \"{because}\"",
            () => report is null ? $"line {number} was not reported; log: {Log()}" : $"reported: {report.Reason}");
    }

    [Then("the report of line (\\d+) shows its bytes in hex")]
    public void ThenTheReportShowsHex(int number)
    {
        var report = Rejection(number);
        expect.Expect(report is not null && report.Excerpt.StartsWith("7B 22", StringComparison.Ordinal),
            $"line {number}'s bytes in hex in the report", () => report?.Excerpt ?? "no report");
    }

    [Then("the Launcher's report of line (\\d+) does not contain the password")]
    public void ThenThePasswordIsMasked(int number)
    {
        var report = Rejection(number);
        var password = launcher.Configuration.Password;
        expect.Expect(report is not null && !report.Excerpt.Contains(password, StringComparison.Ordinal) && report.Excerpt.Contains("***", StringComparison.Ordinal),
            "the password masked as *** in the report", () => report is null ? "no report" : "the report shows the password");
    }

    [Then("the Launcher notes that line (\\d+) has unknown members")]
    public void ThenUnknownMembersAreNoted(int number) =>
        ExpectNote(number, "ignored unknown members");

    [Then("the Launcher notes that line (\\d+) had (\\w+)")]
    public void ThenTheDefectIsNoted(int number, string defect) => ExpectNote(number, $"tolerated {defect}");

    private void ExpectNote(int number, string text)
    {
        var notes = launcher.Session.Journal.OfType<LineNoted>().Where(note => note.LineNumber == number).Select(note => note.Note).ToList();
        expect.Expect(notes.Any(note => note.Contains(text, StringComparison.Ordinal)), $"a note on line {number}: {text}", () => notes.Count == 0 ? "no note" : string.Join("; ", notes));
    }

    private LineRejected? Rejection(int number) => launcher.Session.Journal.OfType<LineRejected>().FirstOrDefault(entry => entry.LineNumber == number);

    private string Log() => string.Join("; ", launcher.Session.Journal.OfType<LineRejected>().Select(entry => $"line {entry.LineNumber}: {entry.Reason}"));
}
