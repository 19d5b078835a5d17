using System.Diagnostics;
using Conformance.Processes;

namespace Conformance.Tests.Processes;

[Platform(Include = "Linux")]
public class ProcessTableTests
{
    [Test]
    public void Reads_this_process_with_its_command_line_and_parent()
    {
        var self = ProcessTable.TryRead(Environment.ProcessId);

        Assert.That(self, Is.Not.Null);
        Assert.That(self!.IsZombie, Is.False);
        Assert.That(self.CommandLine, Is.Not.Empty);
        Assert.That(ProcessTable.Ancestors(Environment.ProcessId), Does.Contain(self.ParentProcessId));
    }

    [Test]
    public async Task Lists_a_child_among_the_children_and_descendants_and_sees_it_exit()
    {
        using var child = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "read line"]) { RedirectStandardInput = true })!;

        Assert.That(ProcessTable.Children(Environment.ProcessId), Does.Contain(child.Id));
        Assert.That(ProcessTable.Descendants(Environment.ProcessId).Select(process => process.ProcessId), Does.Contain(child.Id));
        Assert.That(ProcessTable.IsAlive(child.Id));

        child.StandardInput.Close();
        await child.WaitForExitAsync();
        Assert.That(ProcessTable.IsAlive(child.Id), Is.False);
    }

    [Test]
    public void Reads_another_process_s_environment_variable()
    {
        var start = new ProcessStartInfo("/bin/sh", ["-c", "read line"]) { RedirectStandardInput = true };
        start.Environment["CONFORMANCE_MARK"] = "seen";
        using var child = Process.Start(start)!;
        try
        {
            Assert.That(ProcessTable.TryReadEnvironmentVariable(child.Id, "CONFORMANCE_MARK"), Is.EqualTo("seen"));
            Assert.That(ProcessTable.TryReadEnvironmentVariable(child.Id, "CONFORMANCE_ABSENT"), Is.Null);
        }
        finally
        {
            child.Kill();
        }
    }
}
