using Conformance.Processes;
using Conformance.Protocols.Transport;
using Conformance.Tests.Support;

namespace Conformance.Tests.Processes;

[Platform(Include = "Linux")]
public class SupervisedProcessTests
{
    private static ProcessLaunch Shell(string script, IReadOnlyDictionary<string, string?>? environment = null) =>
        new(["/bin/sh", "-c", script], Path.GetTempPath(), environment ?? new Dictionary<string, string?>());

    private static List<string> CommandLines(SupervisedProcess process) =>
        process.Tree.Seen.SelectMany(seen => seen.CommandLines).Select(line => string.Join(' ', line)).ToList();

    [Test]
    public async Task Records_the_command_lines_of_descendants_and_ends_the_whole_tree_double_forks_included()
    {
        var process = await SupervisedProcess.StartAsync(Shell("sleep 31 & (sleep 32 &) ; echo started; exec sleep 33"));

        string[] sleeps = ["sleep 31", "sleep 32", "sleep 33"];
        await Eventually.ValueAsync<int>(() => sleeps.All(CommandLines(process).Contains) ? 1 : null, TimeSpan.FromSeconds(10), "the three sleeps in the tree");
        var members = process.Tree.Seen.Select(seen => seen.ProcessId).ToList();
        await process.DisposeAsync();

        Assert.That(CommandLines(process), Is.SupersetOf(sleeps), "a process that execs shows each of its command lines");
        Assert.That(members.Where(ProcessTable.IsAlive), Is.Empty, "no process of the tree outlives its supervisor");
        Assert.That(process.StandardOutput.Text, Does.StartWith("started"));
        Assert.That(process.EndedByHarness, Is.True);
        Assert.That(process.Exited.IsCompleted, Is.False, "an end the harness made is not the command's own exit");
    }

    [Test]
    public async Task Reports_the_exit_code_and_output_of_a_process_that_ends_on_its_own()
    {
        var process = await SupervisedProcess.StartAsync(Shell("echo oops >&2; exit 3"));

        var code = await process.Exited.WaitAsync(TimeSpan.FromSeconds(10));
        await process.DisposeAsync();

        Assert.That(code, Is.EqualTo(3));
        Assert.That(process.ExitedAt, Is.Not.Null);
        Assert.That(process.EndedByHarness, Is.False);
        Assert.That(process.StandardError.Text.Trim(), Is.EqualTo("oops"));
    }

    [Test]
    public async Task Removes_a_variable_the_launch_sets_to_null_and_hides_the_host_s_own()
    {
        Environment.SetEnvironmentVariable("CONFORMANCE_TEST_INHERITED", "yes");
        var process = await SupervisedProcess.StartAsync(Shell("echo \"[$CONFORMANCE_TEST_INHERITED][$CONFORMANCE_HOST_CONTROL]\"", new Dictionary<string, string?> { ["CONFORMANCE_TEST_INHERITED"] = null }));

        await process.Exited.WaitAsync(TimeSpan.FromSeconds(10));
        await process.DisposeAsync();

        Assert.That(process.StandardOutput.Text.Trim(), Is.EqualTo("[][]"));
    }

    [Test]
    public async Task Hands_standard_input_to_the_command()
    {
        var process = await SupervisedProcess.StartAsync(Shell("read line; echo \"got $line\""));

        await process.StandardInput.WriteAsync("hello\n"u8.ToArray());
        await process.StandardInput.FlushAsync();
        await process.Exited.WaitAsync(TimeSpan.FromSeconds(10));
        await process.DisposeAsync();

        Assert.That(process.StandardOutput.Text.Trim(), Is.EqualTo("got hello"));
    }

    [Test]
    public async Task Hands_standard_output_as_a_channel_byte_for_byte_and_still_captures_it()
    {
        var process = await SupervisedProcess.StartAsync(Shell("printf 'frame\\001\\000'; head -c 200000 /dev/zero") with { StandardOutputIsChannel = true });
        await using var _ = process;
        var received = new MemoryStream();

        // The host holds the output open until the process is ended: the channel completes then.
        var copying = process.StandardOutputChannel!.CopyToAsync(received);
        await process.Exited.WaitAsync(TimeSpan.FromSeconds(10));
        await process.EndAsync();
        await copying.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(received.ToArray()[..7], Is.EqualTo("frame\u0001\0"u8.ToArray()));
        Assert.That(received.Length, Is.EqualTo(200_007));
        Assert.That(process.StandardOutput.TotalBytes, Is.EqualTo(200_007));
    }

    [Test]
    public async Task Ends_a_process_whose_output_channel_nobody_reads()
    {
        // The command blocks on a full channel; ending it must not wait for a reader that never comes.
        var process = await SupervisedProcess.StartAsync(Shell("head -c 1000000 /dev/zero; exec sleep 36") with { StandardOutputIsChannel = true });

        await process.EndAsync().WaitAsync(TimeSpan.FromSeconds(20));
        await process.DisposeAsync();

        Assert.That(process.StandardOutput.Completion.IsCompleted);
        Assert.That(process.Tree.Seen.Where(seen => ProcessTable.TryRead(seen.ProcessId) is { IsZombie: false } now && now.StartTime == seen.StartTime), Is.Empty);
    }

    [Test]
    public void Says_what_could_not_be_started_and_where()
    {
        var error = Assert.ThrowsAsync<ProcessStartException>(() => SupervisedProcess.StartAsync(new ProcessLaunch(["./no-such-connector"], Path.GetTempPath(), new Dictionary<string, string?>())));

        Assert.That(error!.Message, Does.Contain("no-such-connector").And.Contain(Path.GetTempPath().TrimEnd('/')));
    }

    [Test]
    public async Task Adds_up_the_CPU_time_of_a_spinning_tree()
    {
        var process = await SupervisedProcess.StartAsync(Shell("while :; do :; done"));
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

    [Test]
    public async Task Counts_the_CPU_time_of_a_command_to_its_very_end_once_it_has_exited()
    {
        // Spins for 0.6 s of CPU, then exits: a 100 ms sample would miss up to the last tenth; the host's count does not.
        var process = await SupervisedProcess.StartAsync(new ProcessLaunch(
            ["/usr/bin/python3", "-c", "import time\nend = time.process_time() + 0.6\nwhile time.process_time() < end: pass"],
            Path.GetTempPath(),
            new Dictionary<string, string?>()));
        await process.Exited.WaitAsync(TimeSpan.FromSeconds(30));

        var cpu = process.CpuTime();
        await process.DisposeAsync();

        Assert.That(cpu, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(600)));
    }

    [Test]
    public async Task Leaves_no_diagnostic_endpoints_of_a_dotnet_process_it_killed_in_the_temp_folder()
    {
        var temp = Directory.CreateTempSubdirectory("leftovers");
        try
        {
            // The reference connector's stand-in for a remote client waits on its standard input until killed.
            var process = await SupervisedProcess.StartAsync(new ProcessLaunch(
                ["dotnet", Path.Combine(AppContext.BaseDirectory, "ReferenceConnector.dll"), "--remote-client"],
                temp.FullName,
                new Dictionary<string, string?> { ["TMPDIR"] = temp.FullName }));
            var target = process.ProcessId;
            await Eventually.ValueAsync<int>(
                () => Directory.EnumerateFileSystemEntries(temp.FullName, $"dotnet-diagnostic-{target}-*").Any() ? 1 : null,
                TimeSpan.FromSeconds(20),
                "the runtime's diagnostic socket");

            await process.DisposeAsync();

            Assert.That(process.EndedByHarness, Is.True);
            Assert.That(Directory.EnumerateFileSystemEntries(temp.FullName).Select(Path.GetFileName), Is.Empty, "the killed runtime's socket and FIFOs, and the host's own, are gone");
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    [Test]
    public async Task Removes_the_socket_file_a_killed_server_leaves_of_the_pipe_it_was_handed()
    {
        var pipe = PipeName.NewUnique("served");
        var path = PipeName.UnixSocketPath(pipe);
        var listen = "import socket,sys,time; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1]); s.listen(); print('listening', flush=True); time.sleep(60)";
        var process = await SupervisedProcess.StartAsync(new ProcessLaunch(["/usr/bin/python3", "-c", listen, path], Path.GetTempPath(), new Dictionary<string, string?>(), PipesItServes: [pipe]));
        await Eventually.ValueAsync<int>(() => File.Exists(path) ? 1 : null, TimeSpan.FromSeconds(20), "the server's socket file");

        await process.DisposeAsync();

        Assert.That(process.EndedByHarness, Is.True);
        Assert.That(File.Exists(path), Is.False, "the killed server could not remove it; the harness, which named the pipe, did");
    }

    [Test]
    public void Removes_only_the_endpoints_named_by_the_ended_process_s_pid_and_start_time()
    {
        var temp = Directory.CreateTempSubdirectory("leftovers");
        try
        {
            string[] ours = ["dotnet-diagnostic-41-777-socket", "clr-debug-pipe-41-777-in", "clr-debug-pipe-41-777-out"];
            string[] others = ["dotnet-diagnostic-41-778-socket", "clr-debug-pipe-410-777-in", "CoreFxPipe_41-777"];
            foreach (var name in ours.Concat(others))
            {
                File.WriteAllText(Path.Combine(temp.FullName, name), "");
            }

            var removed = RuntimeLeftovers.RemoveFor(41, 777, temp.FullName);

            Assert.That(removed, Is.EqualTo(3));
            Assert.That(Directory.EnumerateFiles(temp.FullName).Select(Path.GetFileName), Is.EquivalentTo(others));
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    [Test]
    public async Task Knows_which_processes_are_contained_below_its_host()
    {
        var process = await SupervisedProcess.StartAsync(Shell("(setsid sleep 34 &) ; exec sleep 35"));
        try
        {
            var daemon = await Eventually.ValueAsync<int>(
                () => process.Tree.Seen.FirstOrDefault(seen => seen.CommandLine.SequenceEqual(["sleep", "34"]))?.ProcessId,
                TimeSpan.FromSeconds(10),
                "the re-sessioned sleep");

            Assert.That(process.Contains(process.ProcessId), Is.True);
            Assert.That(process.Contains(daemon), Is.True, "a process that left the tree stays below the host");
            Assert.That(process.Tree.Seen.Single(seen => seen.ProcessId == daemon).Adopted, Is.True);
            Assert.That(process.Contains(Environment.ProcessId), Is.False);
            Assert.That(process.Contains(process.HostProcessId), Is.False);
        }
        finally
        {
            await process.DisposeAsync();
        }
    }

    /// <summary>Issue 6: however a descendant detaches, it is ended with its tree, and none is left once EndAsync returns.</summary>
    [TestCase("a double-forked daemon in a new session, the command exiting at once", "(setsid sh -c 'sleep 301 & sleep 302' &) ; exit 0")]
    [TestCase("200 sleeping children, the command exiting at once", "i=0; while [ $i -lt 200 ]; do sleep 303 & i=$((i+1)); done; exit 0")]
    [TestCase("a child in its own process group that ignores SIGTERM", "sh -c 'trap \"\" TERM; setpgid() { :; }; exec sleep 304' & sleep 305")]
    [TestCase("a grandchild whose parent was killed while it started", "sh -c 'sleep 306 & kill -9 $$' ; sleep 307")]
    [TestCase("a child with an emptied environment", "env -i /bin/sh -c 'sleep 308 &' ; exec sleep 309")]
    public async Task Ends_every_process_the_command_started_however_it_detached(string how, string script)
    {
        var process = await SupervisedProcess.StartAsync(Shell(script));
        await Eventually.ValueAsync<int>(() => process.Tree.Seen.Any(seen => seen.CommandLine.FirstOrDefault() == "sleep") ? 1 : null, TimeSpan.FromSeconds(10), "a sleep in the tree");

        await process.EndAsync();

        // Each case sleeps for its own numbers of seconds, so any such sleep still alive anywhere is this case's.
        var numbers = System.Text.RegularExpressions.Regex.Matches(script, @"sleep (\d+)").Select(match => match.Groups[1].Value).ToHashSet();
        var sleepsLeft = ProcessTable.ProcessIds().Select(ProcessTable.TryRead).OfType<ProcessSnapshot>()
            .Where(snapshot => !snapshot.IsZombie && snapshot.CommandLine is ["sleep", var seconds] && numbers.Contains(seconds))
            .Select(snapshot => snapshot.ProcessId)
            .ToList();
        Assert.That(sleepsLeft, Is.Empty, $"{how}: processes left after the end");
        Assert.That(ProcessTable.IsAlive(process.HostProcessId), Is.False, "the host exits once it has ended everything");
        await process.DisposeAsync();
    }
}
