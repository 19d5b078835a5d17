namespace Conformance.Endurance;

/// <summary>The check's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Every figure stayed within its tolerance and every run reached its end.</summary>
    public const int Steady = 0;

    /// <summary>A figure grew beyond its tolerance, or a run failed.</summary>
    public const int Grew = 1;

    /// <summary>Bad options, or the suite's folder was not found.</summary>
    public const int UsageError = 2;
}
