using System.Globalization;

namespace Conformance.Endurance.Measuring;

/// <summary>One measured figure: how to read it from <see cref="ResourceFigures"/>, how to show it, and how much growth is tolerated.</summary>
/// <param name="Key">Its name in the JSON output.</param>
/// <param name="Name">Its name in the summary.</param>
/// <param name="Read">Reads it.</param>
/// <param name="Tolerance">The growth from the warm-up to the end that is not a leak.</param>
/// <param name="IsBytes">True for a size in bytes, false for a count.</param>
internal sealed record Figure(string Key, string Name, Func<ResourceFigures, long> Read, long Tolerance, bool IsBytes = false)
{
    private const double Mebibyte = 1024 * 1024;

    /// <summary>A value of this figure as the summary shows it.</summary>
    public string Format(long value) =>
        IsBytes ? string.Create(CultureInfo.InvariantCulture, $"{value / Mebibyte:0.00} MiB") : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A growth of this figure, signed.</summary>
    public string FormatGrowth(long growth) => (growth > 0 ? "+" : "") + Format(growth);

    /// <summary>A growth per 1,000 runs, signed; fractional, as a leak of one per hundred runs is worth seeing.</summary>
    public string FormatRate(double perThousand) =>
        IsBytes
            ? string.Create(CultureInfo.InvariantCulture, $"{(perThousand > 0 ? "+" : "")}{perThousand / 1024:0.0} KiB")
            : string.Create(CultureInfo.InvariantCulture, $"{(perThousand > 0 ? "+" : "")}{perThousand:0.0}");
}
