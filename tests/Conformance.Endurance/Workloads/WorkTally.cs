namespace Conformance.Endurance.Workloads;

/// <summary>How many runs of one kind ended, how many failed and why (the first few), and the time spent; thread-safe.</summary>
internal sealed class WorkTally
{
    private const int KeptFailures = 5;
    private readonly Lock _gate = new();
    private readonly List<string> _failures = [];

    /// <summary>Runs that ended, failed or not.</summary>
    public int Completed { get; private set; }

    /// <summary>Runs that did not reach their end as they should.</summary>
    public int Failed { get; private set; }

    /// <summary>Units of work counted (sessions, or scenarios of the certifications).</summary>
    public int Units { get; private set; }

    /// <summary>Wall time spent running this kind.</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <summary>The first failures, as said.</summary>
    public IReadOnlyList<string> Failures
    {
        get
        {
            lock (_gate)
            {
                return _failures.ToList();
            }
        }
    }

    public void Record(int units, string? failure)
    {
        lock (_gate)
        {
            Completed++;
            Units += units;
            if (failure is not null)
            {
                Failed++;
                if (_failures.Count < KeptFailures)
                {
                    _failures.Add(failure);
                }
            }
        }
    }

    public void AddTime(TimeSpan spent)
    {
        lock (_gate)
        {
            Elapsed += spent;
        }
    }
}
