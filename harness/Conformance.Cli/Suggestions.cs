namespace Conformance.Cli;

/// <summary>The known word closest to a mistyped one, for "did you mean" hints.</summary>
internal static class Suggestions
{
    /// <summary>The candidate nearest to <paramref name="typed"/> by edit distance, when it is near enough to be a typo.</summary>
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var best = candidates.Select(candidate => (Candidate: candidate, Distance: Distance(typed, candidate)))
            .OrderBy(pair => pair.Distance).ThenBy(pair => pair.Candidate, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Candidate is not null && best.Distance <= Math.Max(2, typed.Length / 3) ? best.Candidate : null;
    }

    /// <summary>Levenshtein distance, case-insensitive.</summary>
    internal static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
