using Conformance.Engine.Gherkin;
using Conformance.Engine.NamedPipes;
using Conformance.Engine.Running;
using Conformance.Protocols.Transport;

namespace Conformance.Tests.Engine.NamedPipes;

[Platform(Exclude = "Win", Reason = "reads the Unix form of refusals")]
public class ProbeProcessTests
{
    private static ScenarioContext Context() => new(new CompiledScenario
    {
        FeaturePath = "features/test.feature",
        FeatureName = "Probe",
        Name = "probe",
        Tags = [],
        Steps = [],
        Line = 1,
    }, CancellationToken.None);

    [Test]
    public async Task Reports_the_bytes_it_received_and_the_end_of_the_stream()
    {
        var name = PipeName.NewUnique("test");
        await using var listener = PipeListener.Listen(name);
        await using var probe = new ProbeProcess(Context());
        await probe.StartClientAsync(name, TimeSpan.FromSeconds(20));
        await using (var connection = await listener.AcceptAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)))
        {
            await connection.Stream.WriteAsync("abc"u8.ToArray());
        }

        var report = await probe.ReportAsync();

        Assert.That(report.LineWith("connected")?["connected"]?.GetValue<bool>(), Is.True, report.ToString());
        Assert.That(report.LastLineWith("bytes")?["bytes"]?.GetValue<long>(), Is.EqualTo(3));
        Assert.That(report.LastLineWith("ended")?["ended"]?.GetValue<bool>(), Is.True);
        Assert.That(report.LastLineWith("cpuMs")?["cpuMs"]?.GetValue<long>(), Is.GreaterThanOrEqualTo(0));
    }

    [Test]
    public async Task Reports_a_refusal_when_no_pipe_listens()
    {
        await using var probe = new ProbeProcess(Context());
        await probe.StartClientAsync(PipeName.NewUnique("test"), TimeSpan.FromSeconds(5));

        var report = await probe.ReportAsync();

        Assert.That(report.LineWith("connected")?["connected"]?.GetValue<bool>(), Is.False, report.ToString());
        Assert.That(report.LineWith("refusal")?["refusal"]?.GetValue<string>(), Is.Not.Empty);
    }
}
