namespace Conformance.Reference.Appliance;

/// <summary>Where the appliance's user session stands.</summary>
public enum SessionState
{
    /// <summary>Not started.</summary>
    Undefined,

    /// <summary>Connected.</summary>
    Connected,

    /// <summary>Abandoned (final).</summary>
    Abandoned,

    /// <summary>The workload runs.</summary>
    Running,

    /// <summary>Ended in error (final).</summary>
    Faulted,

    /// <summary>An abort was asked for.</summary>
    AbortRequested,

    /// <summary>Aborted (final).</summary>
    Aborted,

    /// <summary>The user is logging off.</summary>
    LoggingOff,

    /// <summary>Ended normally (final).</summary>
    Completed,
}
