using Conformance.Endurance.Measuring;
using Conformance.Endurance.Workloads;

namespace Conformance.Endurance;

/// <summary>Everything one check found: the figures at its three measurements, the runs, and the time.</summary>
internal sealed record EnduranceResult(
    EnduranceOptions Options,
    IReadOnlyList<string> FixtureCommand,
    ResourceFigures Before,
    ResourceFigures AfterWarmUp,
    ResourceFigures After,
    WorkTally Sessions,
    WorkTally Certifications,
    int SessionsAfterWarmUp,
    int ScenariosAfterWarmUp,
    TimeSpan WallTime)
{
    /// <summary>Runs of either kind after the warm-up: what the growth is spread over.</summary>
    public int RunsAfterWarmUp => SessionsAfterWarmUp + ScenariosAfterWarmUp;

    /// <summary>The figures that grew from the warm-up to the end beyond their tolerance.</summary>
    public IReadOnlyList<Figure> Grown => FigureCatalog.Exceeding(AfterWarmUp, After);

    /// <summary>True when nothing grew and every run reached its end.</summary>
    public bool Steady => Grown.Count == 0 && Sessions.Failed == 0 && Certifications.Failed == 0;

    /// <summary>The growth of <paramref name="figure"/> from the warm-up to the end.</summary>
    public long Growth(Figure figure) => figure.Read(After) - figure.Read(AfterWarmUp);

    /// <summary>The descriptor kinds whose count changed from the warm-up to the end.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> DescriptorChanges => ResourceKinds.Changes(AfterWarmUp.DescriptorKinds, After.DescriptorKinds);

    /// <summary>The temp folder entry kinds whose count changed from the warm-up to the end.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> TempEntryChanges => ResourceKinds.Changes(AfterWarmUp.TempEntryKinds, After.TempEntryKinds);

    /// <summary>That growth per 1,000 runs (sessions and scenarios together); null when none ran after the warm-up.</summary>
    public double? GrowthPerThousand(Figure figure) => RunsAfterWarmUp == 0 ? null : Growth(figure) * 1000.0 / RunsAfterWarmUp;
}
