namespace Conformance.Tests;

/// <summary>
/// Real-time scenarios judge timings within 250 ms. NUnit blocks a worker per running test, and a thread pool that
/// starts at one thread per core adds threads only slowly when they are all busy, which can hold a continuation
/// back for longer than the tolerance: start with enough threads for every scenario that runs at once.
/// </summary>
[SetUpFixture]
public sealed class ThreadPoolWarmth
{
    [OneTimeSetUp]
    public void EnoughThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(completionPorts, 32));
    }
}
