namespace Conformance.Tests.Support;

/// <summary>
/// Mutation testing reruns every test that covers a mutant, once per mutant: a whole scenario or a real-time
/// certification per mutant would take hours. With <c>CONFORMANCE_TESTS_UNIT_ONLY=1</c> those tests are ignored and
/// the unit tests alone judge each mutant, so a score measured that way is a lower bound of the whole suite's.
/// </summary>
internal static class SlowTests
{
    /// <summary>The variable that leaves only the unit tests.</summary>
    public const string UnitOnlyVariable = "CONFORMANCE_TESTS_UNIT_ONLY";

    /// <summary>Ignores the calling test when only the unit tests are to run.</summary>
    public static void SkipWhenUnitOnly()
    {
        if (Environment.GetEnvironmentVariable(UnitOnlyVariable) == "1")
        {
            Assert.Ignore($"{UnitOnlyVariable}=1: whole scenarios and real-time certifications are left out of this run");
        }
    }
}
