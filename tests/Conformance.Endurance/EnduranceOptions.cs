namespace Conformance.Endurance;

/// <summary>What one endurance check runs, as read from the command line.</summary>
/// <param name="Sessions">Reference Launcher sessions against the reference connector.</param>
/// <param name="Scenarios">Certification scenarios against the fixture, at least; whole certifications are run.</param>
/// <param name="Parallel">Reference sessions at work at once.</param>
/// <param name="Fixture">The conformant fixture certified.</param>
/// <param name="JsonPath">Where to write the figures as JSON; null for none.</param>
internal sealed record EnduranceOptions(int Sessions, int Scenarios, int Parallel, FixtureKind Fixture, string? JsonPath)
{
    /// <summary>Runs of each kind before the warm-up measurement: one-time allocations happen there and do not count as growth.</summary>
    public const int WarmUpRuns = 20;

    /// <summary>Sessions in the warm-up: the first <see cref="WarmUpRuns"/>, or all when fewer are asked for.</summary>
    public int WarmUpSessions => Math.Min(WarmUpRuns, Sessions);

    /// <summary>Scenarios the warm-up runs at least (whole certifications, so usually one of 24).</summary>
    public int WarmUpScenarios => Math.Min(WarmUpRuns, Scenarios);
}
