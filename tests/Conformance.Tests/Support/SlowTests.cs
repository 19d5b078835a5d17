namespace Conformance.Tests.Support;

/// <summary>
/// Mutation testing reruns every test that covers a mutant, once per mutant: a whole scenario or a real-time
/// certification per mutant would take hours. With <c>CONFORMANCE_TESTS_UNIT_ONLY=1</c> those tests are ignored and
/// the unit tests alone — with the scenarios that run in process under the manual clock, which take milliseconds —
/// judge each mutant, so a score measured that way is a lower bound of the whole suite's.
/// </summary>
internal static class SlowTests
{
    /// <summary>The variable that leaves only the unit tests.</summary>
    public const string UnitOnlyVariable = "CONFORMANCE_TESTS_UNIT_ONLY";

    /// <summary>True when only the unit tests are to run.</summary>
    public static bool UnitOnly => Environment.GetEnvironmentVariable(UnitOnlyVariable) == "1";

    /// <summary>Ignores the calling test when only the unit tests are to run.</summary>
    public static void SkipWhenUnitOnly()
    {
        if (UnitOnly)
        {
            Assert.Ignore($"{UnitOnlyVariable}=1: whole scenarios and real-time certifications are left out of this run");
        }
    }
}
