namespace Conformance.Cli;

/// <summary>The command's exit codes, as the README's contract fixes them: 0 conformant, 1 not, 2 usage or setup, 3 conformant but changed against the approved baseline.</summary>
internal static class ExitCodes
{
    /// <summary>Conformant.</summary>
    public const int Conformant = 0;

    /// <summary>Not conformant: a requirement failed, a scenario is undefined, or (with --strict) a SHOULD was missed.</summary>
    public const int NotConformant = 1;

    /// <summary>Usage or setup error; a message says which and how to fix it.</summary>
    public const int UsageError = 2;

    /// <summary>Conformant, but with --snapshots a transcript changed or is new against the approved baseline: a regression signal.</summary>
    public const int ConformantButChanged = 3;
}
