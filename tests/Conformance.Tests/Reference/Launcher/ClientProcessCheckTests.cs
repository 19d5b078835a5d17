using System.Diagnostics;
using Conformance.Protocols.Processes;
using Conformance.Reference.Launcher;
using Conformance.Tests.Support;

namespace Conformance.Tests.Reference.Launcher;

[Platform(Include = "Linux")]
public class ClientProcessCheckTests
{
    private static readonly KeyValuePair<string, string> Marker = new("VSI_IPC_PIPE_NAME", "vsi-test-marker");

    [Test]
    public async Task Admits_the_started_process_and_its_descendants_and_refuses_the_Launcher_itself()
    {
        using var connector = Start("sleep 30 & wait", Marker);
        try
        {
            var child = await ChildOf(connector.Id);

            Assert.That(ClientProcessCheck.Classify(connector.Id, connector.Id, Environment.ProcessId, Marker).Relation, Is.EqualTo(ClientRelation.StartedProcess));
            Assert.That(ClientProcessCheck.Classify(child, connector.Id, Environment.ProcessId, Marker).Relation, Is.EqualTo(ClientRelation.Descendant));
            Assert.That(ClientProcessCheck.Classify(Environment.ProcessId, connector.Id, Environment.ProcessId, Marker).Relation, Is.EqualTo(ClientRelation.Unrelated));
        }
        finally
        {
            connector.Kill(entireProcessTree: true);
        }
    }

    [Test]
    public async Task Admits_a_double_forked_descendant_adopted_by_the_Launcher_when_it_carries_the_session_s_pipe()
    {
        Assert.That(ChildSubreaper.TryEnable(), "the Launcher makes itself a child subreaper");
        using var connector = Start("(sleep 30 &) ; exit 0", Marker);
        await connector.WaitForExitAsync();
        var orphan = await ChildOf(Environment.ProcessId, candidate => ProcessTable.TryRead(candidate)?.CommandLine.FirstOrDefault() == "sleep"
            && ProcessTable.TryReadEnvironmentVariable(candidate, Marker.Key) == Marker.Value);
        try
        {
            var (relation, description) = ClientProcessCheck.Classify(orphan, connector.Id, Environment.ProcessId, Marker);
            var otherSession = ClientProcessCheck.Classify(orphan, connector.Id, Environment.ProcessId, new KeyValuePair<string, string>(Marker.Key, "another-pipe"));

            Assert.That(relation, Is.EqualTo(ClientRelation.AdoptedDescendant), description);
            Assert.That(otherSession.Relation, Is.EqualTo(ClientRelation.Unrelated), "the marker names this session's pipe only");
        }
        finally
        {
            Process.GetProcessById(orphan).Kill();
            Process.GetProcessById(orphan).WaitForExit(5000);
            ZombieReaper.TryReap(orphan);
        }
    }

    [Test]
    public void Refuses_a_client_that_came_before_any_connector_was_started()
    {
        var (relation, description) = ClientProcessCheck.Classify(Environment.ProcessId, null, Environment.ProcessId, Marker);

        Assert.That(relation, Is.EqualTo(ClientRelation.Unrelated));
        Assert.That(description, Does.Contain("not started yet"));
    }

    private static Process Start(string script, KeyValuePair<string, string> marker)
    {
        var start = new ProcessStartInfo("/bin/sh", ["-c", script]) { RedirectStandardInput = true };
        start.Environment[marker.Key] = marker.Value;
        return Process.Start(start)!;
    }

    private static Task<int> ChildOf(int parent, Func<int, bool>? filter = null) =>
        Eventually.ValueAsync<int>(
            () => ProcessTable.Children(parent).Where(pid => filter?.Invoke(pid) ?? true).Select(pid => (int?)pid).FirstOrDefault(),
            TimeSpan.FromSeconds(10),
            $"a child of process {parent}");
}
