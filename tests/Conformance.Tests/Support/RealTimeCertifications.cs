namespace Conformance.Tests.Support;

/// <summary>
/// One gate for every test that certifies a real executable against the protocol's own deadlines (connectors, Pipe
/// Messaging roles, DCV extensions): at most two at once across the suite. Each certification runs several acts at
/// once; more than two together crowd a two-core machine until the harness itself misses the deadlines it judges.
/// </summary>
internal static class RealTimeCertifications
{
    public static SemaphoreSlim Gate { get; } = new(2);
}
