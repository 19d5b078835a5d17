using System.Diagnostics;

namespace Conformance.Endurance.Measuring;

/// <summary>
/// Takes a measurement once what was in flight has come to rest. Processes are reaped, sockets removed and
/// thread-pool workers retired a little after the runs that used them end, so a figure above the reference
/// measurement (the previous one for the warm-up, the warm-up's for the later ones) is read again every half
/// second, for at most <see cref="Bound"/>: what has not come back by then is growth. Nothing here waits for a
/// figure to fall below its reference.
/// </summary>
internal static class Settling
{
    /// <summary>The longest wait; over the thread pool's 20-second retirement of idle workers.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    /// <summary>What the display says while a measurement waits.</summary>
    public static string Explanation(string stage) =>
        $"measuring {stage}: a figure above its reference is read again every {Interval.TotalSeconds:0.0} s, for up to {Bound.TotalSeconds:0} s";

    /// <summary>Measures now, then again until no figure exceeds <paramref name="reference"/> by more than its tolerance, or the bound passes.</summary>
    public static async Task<ResourceFigures> MeasureAsync(ResourceProbe probe, ResourceFigures? reference, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        var figures = probe.Read();
        while (reference is not null && FigureCatalog.Exceeding(reference, figures).Count > 0 && waited.Elapsed < Bound)
        {
            await Task.Delay(Interval, cancellationToken);
            figures = probe.Read();
        }

        return figures;
    }
}
