using Conformance.Processes;
using Conformance.Reference.Launcher;
using Conformance.Tests.Support;

namespace Conformance.Tests.Reference.Launcher;

[Platform(Include = "Linux")]
public class ClientProcessCheckTests
{
    private static Task<SupervisedProcess> Start(string script) =>
        SupervisedProcess.StartAsync(new ProcessLaunch(["/bin/sh", "-c", script], Path.GetTempPath(), new Dictionary<string, string?>()));

    [Test]
    public async Task Admits_the_started_process_and_its_descendants_and_refuses_the_Launcher_itself()
    {
        await using var connector = await Start("sleep 30 & wait");
        var child = await ChildOf(connector.ProcessId);

        Assert.That(ClientProcessCheck.Classify(connector.ProcessId, connector.ProcessId, connector.Contains), Is.EqualTo((ClientRelation.StartedProcess, $"process {connector.ProcessId} is the connector the Launcher started")));
        Assert.That(ClientProcessCheck.Classify(child, connector.ProcessId, connector.Contains), Is.EqualTo((ClientRelation.Descendant, $"process {child} descends from the connector {connector.ProcessId} (1 level down)")));
        Assert.That(ClientProcessCheck.Classify(Environment.ProcessId, connector.ProcessId, connector.Contains), Is.EqualTo((ClientRelation.Unrelated, $"process {Environment.ProcessId} is not the connector {connector.ProcessId} nor one of its descendants")));
        Assert.That(ClientProcessCheck.Classify(connector.HostProcessId, connector.ProcessId, connector.Contains).Relation, Is.EqualTo(ClientRelation.Unrelated));
    }

    [Test]
    public async Task Counts_how_many_levels_below_the_connector_a_descendant_is()
    {
        await using var connector = await Start("/bin/sh -c 'sleep 30; true' & wait");
        var child = await ChildOf(connector.ProcessId);
        var grandchild = await ChildOf(child);

        var (relation, description) = ClientProcessCheck.Classify(grandchild, connector.ProcessId, connector.Contains);

        Assert.That(relation, Is.EqualTo(ClientRelation.Descendant));
        Assert.That(description, Does.EndWith($"descends from the connector {connector.ProcessId} (2 levels down)"));
    }

    [Test]
    public void A_client_whose_process_the_platform_does_not_report_is_unknown()
    {
        Assert.That(
            ClientProcessCheck.Classify(null, Environment.ProcessId, _ => true),
            Is.EqualTo((ClientRelation.Unknown, "the platform does not report the client's process")));
    }

    [Test]
    public async Task Admits_a_double_forked_descendant_that_stayed_below_the_connector_s_process_host()
    {
        await using var connector = await Start("(sleep 30 &) ; exec sleep 31");
        var orphan = await ChildOf(connector.HostProcessId, candidate => ProcessTable.TryRead(candidate)?.CommandLine.SequenceEqual(["sleep", "30"]) == true);
        await using var elsewhere = await Start("exec sleep 32");

        var (relation, description) = ClientProcessCheck.Classify(orphan, connector.ProcessId, connector.Contains);
        var otherSession = ClientProcessCheck.Classify(orphan, elsewhere.ProcessId, elsewhere.Contains);

        Assert.That(relation, Is.EqualTo(ClientRelation.AdoptedDescendant), description);
        Assert.That(description, Is.EqualTo($"process {orphan} left the connector's tree but is still contained below the connector's process host"));
        Assert.That(otherSession.Relation, Is.EqualTo(ClientRelation.Unrelated), "another connector's host does not contain it");
    }

    [Test]
    public void Refuses_a_client_that_came_before_any_connector_was_started()
    {
        var (relation, description) = ClientProcessCheck.Classify(Environment.ProcessId, null, null);

        Assert.That(relation, Is.EqualTo(ClientRelation.Unrelated));
        Assert.That(description, Does.Contain("not started yet"));
    }

    private static Task<int> ChildOf(int parent, Func<int, bool>? filter = null) =>
        Eventually.ValueAsync<int>(
            () => ProcessTable.Children(parent).Where(pid => filter?.Invoke(pid) ?? true).Select(pid => (int?)pid).FirstOrDefault(),
            TimeSpan.FromSeconds(10),
            $"a child of process {parent}");
}
