using Conformance.Engine.Processes;
using Conformance.Protocols.Processes;
using Conformance.Tests.Support;

namespace Conformance.Tests.Engine.Processes;

[Platform(Include = "Linux")]
public class SupervisedProcessTests
{
    private static readonly KeyValuePair<string, string> Marker = new("CONFORMANCE_TEST_MARK", Guid.NewGuid().ToString("N"));

    [Test]
    public async Task Records_the_command_lines_of_descendants_and_ends_the_whole_tree_double_forks_included()
    {
        var launch = new ProcessLaunch(
            ["/bin/sh", "-c", "sleep 31 & (sleep 32 &) ; echo started; exec sleep 33"],
            Path.GetTempPath(),
            new Dictionary<string, string?> { [Marker.Key] = Marker.Value },
            Marker);
        var process = SupervisedProcess.Start(launch);

        string[] sleeps = ["sleep 31", "sleep 32", "sleep 33"];
        await Eventually.ValueAsync<int>(() => sleeps.All(CommandLines(process).Contains) ? 1 : null, TimeSpan.FromSeconds(10), "the three sleeps in the tree");
        var members = process.Tree.Seen.Select(seen => seen.ProcessId).ToList();
        await process.DisposeAsync();

        Assert.That(CommandLines(process), Is.SupersetOf(sleeps), "a process that execs shows each of its command lines");
        Assert.That(members.Where(ProcessTable.IsAlive), Is.Empty, "no process of the tree outlives its supervisor");
        Assert.That(process.StandardOutput.Text, Does.StartWith("started"));
    }

    private static List<string> CommandLines(SupervisedProcess process) =>
        process.Tree.Seen.SelectMany(seen => seen.CommandLines).Select(line => string.Join(' ', line)).ToList();

    [Test]
    public async Task Reports_the_exit_code_and_output_of_a_process_that_ends_on_its_own()
    {
        var process = SupervisedProcess.Start(new ProcessLaunch(["/bin/sh", "-c", "echo oops >&2; exit 3"], Path.GetTempPath(), new Dictionary<string, string?>()));

        var code = await process.Exited.WaitAsync(TimeSpan.FromSeconds(10));
        await process.DisposeAsync();

        Assert.That(code, Is.EqualTo(3));
        Assert.That(process.StandardError.Text.Trim(), Is.EqualTo("oops"));
    }

    [Test]
    public async Task Removes_a_variable_the_launch_sets_to_null()
    {
        Environment.SetEnvironmentVariable("CONFORMANCE_TEST_INHERITED", "yes");
        var process = SupervisedProcess.Start(new ProcessLaunch(["/bin/sh", "-c", "echo \"[$CONFORMANCE_TEST_INHERITED]\""], Path.GetTempPath(), new Dictionary<string, string?> { ["CONFORMANCE_TEST_INHERITED"] = null }));

        await process.Exited.WaitAsync(TimeSpan.FromSeconds(10));
        await process.DisposeAsync();

        Assert.That(process.StandardOutput.Text.Trim(), Is.EqualTo("[]"));
    }

    [Test]
    public void Says_what_could_not_be_started_and_where()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SupervisedProcess.Start(new ProcessLaunch(["./no-such-connector"], Path.GetTempPath(), new Dictionary<string, string?>())));

        Assert.That(error!.Message, Does.Contain("no-such-connector"));
    }

    [Test]
    public async Task Adds_up_the_CPU_time_of_a_spinning_tree()
    {
        var process = SupervisedProcess.Start(new ProcessLaunch(["/bin/sh", "-c", "while :; do :; done"], Path.GetTempPath(), new Dictionary<string, string?>()));
        try
        {
            var busy = await Eventually.ValueAsync<TimeSpan>(() => process.CpuTime() is var cpu && cpu >= TimeSpan.FromMilliseconds(200) ? cpu : null, TimeSpan.FromSeconds(20), "200 ms of CPU");

            Assert.That(busy, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(200)));
        }
        finally
        {
            await process.DisposeAsync();
        }
    }
}
