namespace Conformance.Cli;

/// <summary>The command's exit codes, as DESIGN.md fixes them.</summary>
internal static class ExitCodes
{
    /// <summary>Conformant.</summary>
    public const int Conformant = 0;

    /// <summary>Not conformant: a requirement failed, a scenario is undefined, or (with --strict) a SHOULD was missed.</summary>
    public const int NotConformant = 1;

    /// <summary>Usage or setup error; a message says which and how to fix it.</summary>
    public const int UsageError = 2;
}
