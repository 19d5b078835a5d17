using Conformance.Engine.Running;

namespace Conformance.Engine.LauncherConnector.Launcher;

/// <summary>
/// Launcher checks name the requirements of the scenario they run in: the same check ("ConnectionEnded
/// once") serves LC-L07, LC-L09 and LC-L13 alike.
/// </summary>
internal sealed class LauncherExpectations(ScenarioContext context)
{
    /// <summary>Records a violation of each of the scenario's requirements unless <paramref name="holds"/>.</summary>
    public void Expect(bool holds, string expected, Func<string> actual) => context.Expect(holds, expected, actual);
}
