using Conformance.Engine.Gherkin;

namespace Conformance.Engine.Running;

/// <summary>Told as scenarios start and finish, for a live display.</summary>
internal interface IRunProgress
{
    /// <summary>A scenario started.</summary>
    void Started(CompiledScenario scenario);

    /// <summary>A scenario finished.</summary>
    void Finished(ScenarioResult result);
}
