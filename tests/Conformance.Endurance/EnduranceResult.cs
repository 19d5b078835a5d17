using Conformance.Endurance.Measuring;
using Conformance.Endurance.Workloads;

namespace Conformance.Endurance;

/// <summary>
/// Everything one check found: the figures before, after the warm-up, after the sessions and at the end (the
/// sessions and the certifications run one after the other, so each kind's growth is told apart), the runs, the time.
/// </summary>
internal sealed record EnduranceResult(
    EnduranceOptions Options,
    IReadOnlyList<string> FixtureCommand,
    ResourceFigures Before,
    ResourceFigures AfterWarmUp,
    ResourceFigures AfterSessions,
    ResourceFigures After,
    WorkTally Sessions,
    WorkTally Certifications,
    int SessionsAfterWarmUp,
    int ScenariosAfterWarmUp,
    TimeSpan WallTime)
{
    /// <summary>The figures that grew from the warm-up to the end beyond their tolerance.</summary>
    public IReadOnlyList<Figure> Grown => FigureCatalog.Exceeding(AfterWarmUp, After);

    /// <summary>True when nothing grew and every run reached its end.</summary>
    public bool Steady => Grown.Count == 0 && Sessions.Failed == 0 && Certifications.Failed == 0;

    /// <summary>The growth of <paramref name="figure"/> from the warm-up to the end.</summary>
    public long Growth(Figure figure) => figure.Read(After) - figure.Read(AfterWarmUp);

    /// <summary>The descriptor kinds whose count changed from the warm-up to the end.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> DescriptorChanges => ResourceKinds.Changes(AfterWarmUp.DescriptorKinds, After.DescriptorKinds);

    /// <summary>The thread names whose count changed from the warm-up to the end.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> ThreadChanges => ResourceKinds.Changes(AfterWarmUp.ThreadKinds, After.ThreadKinds);

    /// <summary>The temp folder entry kinds whose count changed from the warm-up to the end.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> TempEntryChanges => ResourceKinds.Changes(AfterWarmUp.TempEntryKinds, After.TempEntryKinds);

    /// <summary>The growth while the sessions after the warm-up ran, per 1,000 of them; null when none ran.</summary>
    public double? PerThousandSessions(Figure figure) =>
        SessionsAfterWarmUp == 0 ? null : (figure.Read(AfterSessions) - figure.Read(AfterWarmUp)) * 1000.0 / SessionsAfterWarmUp;

    /// <summary>The growth while the certifications after the warm-up ran, per 1,000 of their scenarios; null when none ran.</summary>
    public double? PerThousandScenarios(Figure figure) =>
        ScenariosAfterWarmUp == 0 ? null : (figure.Read(After) - figure.Read(AfterSessions)) * 1000.0 / ScenariosAfterWarmUp;
}
