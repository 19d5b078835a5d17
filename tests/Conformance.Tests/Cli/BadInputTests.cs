using System.Diagnostics;
using Conformance.Cli;
using Conformance.Tests.Support;

namespace Conformance.Tests.Cli;

/// <summary>
/// Issue 7: every bad input a vendor can give — options, commands, manifests, folders, features — ends at once
/// with exit code 2 and one message that names the problem, never an unhandled exception or a stack trace.
/// </summary>
[Platform(Include = "Linux")]
public class BadInputTests
{
    private static readonly string Folder = Directory.CreateTempSubdirectory("bad-input").FullName;

    [OneTimeSetUp]
    public void MakeTheBadThings()
    {
        Write("not-executable.py", "#!/usr/bin/python3\nprint('hi')\n", UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Write("missing-interpreter.sh", "#!/nope/bin/python9\nprint('hi')\n", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Write("env-missing-interpreter.sh", "#!/usr/bin/env no-such-interpreter-9\n", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Write("a-file", "not a folder\n");
        Write("not-json.json", "{ \"command\": [\"python3\", \"c.py\"], }\n");
        Write("array.json", "[]\n");
        Write("sets-pipe.json", "{ \"environment\": { \"VSI_IPC_PIPE_NAME\": \"mine\" } }\n");
        Write("zero-timeout.json", "{ \"timeouts\": { \"exitSeconds\": 0 } }\n");
        Write("misspelt.json", "{ \"comand\": [\"python3\"] }\n");
        Write("command-string.json", "{ \"command\": \"python3 c.py\" }\n");
        Write("with-command.json", "{ \"command\": [\"/usr/bin/true\"] }\n");
        Write("no-such-folder.json", "{ \"workingDirectory\": \"no-such-folder\", \"command\": [\"/usr/bin/true\"] }\n");
        Write("unknown-event-type-enum.json", "{ \"launchable\": { \"sessionId\": \"not-a-guid\" } }\n");
        Write("dcv-reserved.json", "{ \"virtualChannelNamespace\": \"DCV\" }\n");
        Write("dcv-sets-channels.json", "{ \"environment\": { \"CONFORMANCE_DCV_CHANNELS\": \"2\" } }\n");
        Write("dcv-no-channels.json", "{ \"channels\": 0 }\n");
        Directory.CreateDirectory(Path.Combine(Folder, "a-folder"));
        Write("someones-work/thesis.txt", "not a site\n");
        Write("not-results/results.json", "{ \"outcome\": \"great\" }\n");
        Write("broken-snapshots/launcher-window-events/a-window-without-a-process-id-posts-nothing-and-moves-nothing.verified.json", "{ \"entries\": [\n");

        // A copy of the suite whose one feature does not parse.
        var broken = Path.Combine(Folder, "broken-root");
        Directory.CreateDirectory(Path.Combine(broken, "features", "x"));
        Directory.CreateDirectory(Path.Combine(broken, "schemas"));
        File.WriteAllText(Path.Combine(broken, "features", "x", "broken.feature"), "Feature: broken\n  Scenario: x\n    Given a step\n  Examples:\n    | a |\n  Scenario x\n");
    }

    [OneTimeTearDown]
    public void CleanUp() => Directory.Delete(Folder, recursive: true);

    public static IEnumerable<TestCaseData> BadInputs()
    {
        TestCaseData Case(string why, string message, params string[] args) => new TestCaseData(args, message).SetName($"{why}: exit 2 naming it");

        yield return Case("a connector file without execute permission", "not executable by this account", "certify", "connector", "--", "{dir}/not-executable.py");
        yield return Case("a script whose interpreter does not exist", "/nope/bin/python9 does not exist", "certify", "connector", "--", "{dir}/missing-interpreter.sh");
        yield return Case("a script whose env interpreter is not on the PATH", "Cannot find no-such-interpreter-9 on the PATH", "certify", "connector", "--", "{dir}/env-missing-interpreter.sh");
        yield return Case("an executable that is not on the PATH", "Cannot find no-such-connector-9 on the PATH", "certify", "connector", "--", "no-such-connector-9");
        yield return Case("a directory as the connector", "is a directory", "certify", "connector", "--", "{dir}/a-folder");
        yield return Case("an empty command after --", "The command is empty", "certify", "connector", "--", "");
        yield return Case("no command at all", "No connector to certify", "certify", "connector");
        yield return Case("a command both in the manifest and after --", "given twice", "certify", "connector", "--manifest", "{dir}/with-command.json", "--", "/usr/bin/true");
        yield return Case("--report naming an existing file", "is a file", "certify", "connector", "--report", "{dir}/a-file", "--", "/usr/bin/true");
        yield return Case("--report where nothing can be written", "cannot be written", "run", "--report", "/proc/no-such/report");
        yield return Case("a misspelt option before --", "Did you mean --report?", "certify", "connector", "--reprot", "out", "--", "node", "c.js");
        yield return Case("an unknown option", "--no-such-option", "run", "--no-such-option");
        yield return Case("an unknown role", "Did you mean connector?", "certify", "conector", "--", "/usr/bin/true");
        yield return Case("an unknown role for list", "Known roles:", "list", "--role", "conector");
        yield return Case("an unknown verb", "frobnicate", "frobnicate");
        yield return Case("a command after -- for a verb that takes none", "Only 'certify <role>' and 'launch' take a command after --", "run", "--", "python3", "c.py");
        yield return Case("a feature file that does not parse, for list", "does not parse", "list", "--root", "{dir}/broken-root");
        yield return Case("a feature file that does not parse, for run", "does not parse", "run", "--root", "{dir}/broken-root");
        yield return Case("a folder without features and schemas", "has no features/ and schemas/", "run", "--root", "{dir}/a-folder");
        yield return Case("a manifest that does not exist", "does not exist", "certify", "connector", "--manifest", "{dir}/no-such.json", "--", "/usr/bin/true");
        yield return Case("a directory as the manifest", "is a directory", "certify", "connector", "--manifest", "{dir}/a-folder", "--", "/usr/bin/true");
        yield return Case("a manifest that is not JSON", "not valid JSON at line 1, column", "certify", "connector", "--manifest", "{dir}/not-json.json");
        yield return Case("a manifest that is not an object", "must be a JSON object", "certify", "connector", "--manifest", "{dir}/array.json", "--", "/usr/bin/true");
        yield return Case("a manifest that sets VSI_IPC_PIPE_NAME", "VSI_IPC_PIPE_NAME and TMPDIR belong to the harness", "certify", "connector", "--manifest", "{dir}/sets-pipe.json", "--", "/usr/bin/true");
        yield return Case("a manifest with a zero deadline", "must be more than 0 (got 0)", "certify", "connector", "--manifest", "{dir}/zero-timeout.json", "--", "/usr/bin/true");
        yield return Case("a manifest with a misspelt member", "\"comand\" is not a member this object has; its members are command", "certify", "connector", "--manifest", "{dir}/misspelt.json", "--", "/usr/bin/true");
        yield return Case("a manifest whose command is a string", "should be an array", "certify", "connector", "--manifest", "{dir}/command-string.json");
        yield return Case("a manifest whose working directory does not exist", "does not exist", "certify", "connector", "--manifest", "{dir}/no-such-folder.json");
        yield return Case("a manifest whose session id is not a GUID", "does not have the required form", "certify", "connector", "--manifest", "{dir}/unknown-event-type-enum.json", "--", "/usr/bin/true");
        yield return Case("a DCV extension manifest naming the reserved namespace", "dcv is reserved for DCV itself (VC-08)", "certify", "dcv-extension", "--manifest", "{dir}/dcv-reserved.json", "--", "/usr/bin/true");
        yield return Case("a DCV extension manifest that sets CONFORMANCE_DCV_CHANNELS", "CONFORMANCE_DCV_CHANNELS belongs to the harness", "certify", "dcv-extension", "--manifest", "{dir}/dcv-sets-channels.json", "--", "/usr/bin/true");
        yield return Case("a DCV extension manifest asking for no channel", "\"channels\" must be at least 1 (got 0)", "certify", "dcv-extension", "--manifest", "{dir}/dcv-no-channels.json", "--", "/usr/bin/true");
        yield return Case("no DCV extension at all", "No dcv-extension to certify", "certify", "dcv-extension");
        yield return Case("a tag expression that does not parse", "--tags", "run", "--tags", "@req:LC-L07 and");
        yield return Case("a tag expression that matches nothing", "No scenario matches", "run", "--tags", "@req:NO-SUCH");
        yield return Case("no parallelism", "--parallel must be at least 1", "run", "--parallel", "0");
        yield return Case("--accept without --snapshots", "give --snapshots too", "run", "--accept");
        yield return Case("--snapshots where nothing can be written, with --accept", "cannot be written", "run", "--snapshots", "/proc/no-such/snapshots", "--accept");
        yield return Case("--snapshots naming a file", "is a file", "run", "--snapshots", "{dir}/a-file");
        yield return Case("docs without --out", "--out", "docs");
        yield return Case("docs --out naming a file", "is a file", "docs", "--out", "{dir}/a-file");
        yield return Case("docs --out naming a folder of someone else's files", "is not empty and holds no site written by conformance docs", "docs", "--out", "{dir}/someones-work");
        yield return Case("docs --out where nothing can be written", "cannot be written", "docs", "--out", "/proc/no-such/site");
        yield return Case("docs --results that does not exist", "does not exist", "docs", "--results", "{dir}/no-such-report", "--out", "{dir}/site-1");
        yield return Case("docs --results naming a folder without results.json", "holds no results.json", "docs", "--results", "{dir}/a-folder", "--out", "{dir}/site-2");
        yield return Case("docs --snapshots that is not a folder", "is not a folder", "docs", "--snapshots", "{dir}/a-file", "--out", "{dir}/site-4");
        yield return Case("docs --snapshots with an approved transcript that is not JSON", "is not an approved transcript", "docs", "--snapshots", "{dir}/broken-snapshots", "--out", "{dir}/site-5");
        yield return Case("docs --results whose results.json is not one", "is not a conformance results.json", "docs", "--results", "{dir}/not-results", "--out", "{dir}/site-3");
    }

    [TestCaseSource(nameof(BadInputs))]
    public async Task Bad_input(string[] args, string message)
    {
        var filled = args.Select(arg => arg.Replace("{dir}", Folder, StringComparison.Ordinal)).ToList();
        if (!filled.Contains("--root"))
        {
            var dashes = filled.IndexOf("--");
            filled.InsertRange(dashes < 0 ? filled.Count : dashes, ["--root", Project.Layout.Root]);
        }

        var output = new StringWriter();
        var error = new StringWriter();
        var stopwatch = Stopwatch.StartNew();

        var code = await ConformanceCommand.RunAsync([.. filled], output, error);

        var said = error + output.ToString();
        Assert.That(code, Is.EqualTo(2), said);
        Assert.That(said, Does.Contain(message));
        Assert.That(said, Does.Not.Contain("   at ").And.Not.Contain("Exception:"), "no stack trace, no raw exception");
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "it stops at once, before any scenario");
    }

    private static void Write(string name, string text, UnixFileMode? mode = null)
    {
        var path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        if (mode is { } m && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, m);
        }
    }
}
