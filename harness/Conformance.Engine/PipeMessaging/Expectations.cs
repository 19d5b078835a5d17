using Conformance.Engine.Running;

namespace Conformance.Engine.PipeMessaging;

/// <summary>Checks that name the requirements of the scenario they run in: one check ("disconnected at 1000 ms") serves several rules alike.</summary>
internal sealed class Expectations(ScenarioContext context)
{
    /// <summary>Records a violation of each of the scenario's requirements unless <paramref name="holds"/>.</summary>
    public void Expect(bool holds, string expected, Func<string> actual) => context.Expect(holds, expected, actual);

    /// <summary>"at 1.250 s", "never", for what a check saw.</summary>
    public static string When(TimeSpan? at) => at is { } time ? $"at {time.TotalMilliseconds:0.###} ms" : "never";
}
