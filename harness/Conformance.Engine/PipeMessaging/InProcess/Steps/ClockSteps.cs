using Conformance.Engine.Bindings;

namespace Conformance.Engine.PipeMessaging.InProcess.Steps;

/// <summary>Moves a manual-clock scenario's clock; every timer that falls due fires at its own instant, and the world settles after each.</summary>
[Binding]
internal sealed class ClockSteps(PipeScene scene)
{
    [When("(\\d+) ms pass(?:es)?")]
    public Task MillisecondsPass(int milliseconds) => scene.AdvanceAsync(TimeSpan.FromMilliseconds(milliseconds));

    [When("(\\d+) seconds? pass(?:es)?")]
    public Task SecondsPass(int seconds) => scene.AdvanceAsync(TimeSpan.FromSeconds(seconds));
}
