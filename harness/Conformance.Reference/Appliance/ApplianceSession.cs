namespace Conformance.Reference.Appliance;

/// <summary>
/// The appliance's view of one user session, simulated: it records the events the Launcher posts, moves the
/// states per tables T1 and T2, and times out a login that stays in progress too long (LC-L13). It is not
/// thread-safe: its owner calls it from one queue, and its timer posts back to that queue.
/// </summary>
public sealed class ApplianceSession : IDisposable
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _loginTimeout;
    private readonly Action<Action> _post;
    private readonly List<PostedSessionEvent> _events = [];
    private ITimer? _loginTimer;

    /// <summary>Creates a session in login and session state <c>undefined</c>.</summary>
    /// <param name="time">The clock for the login time-out.</param>
    /// <param name="loginTimeout">How long a login may stay in progress.</param>
    /// <param name="post">Runs work on the owner's queue; the time-out fires through it.</param>
    public ApplianceSession(TimeProvider time, TimeSpan loginTimeout, Action<Action> post)
    {
        _time = time;
        _loginTimeout = loginTimeout;
        _post = post;
    }

    /// <summary>The current states.</summary>
    public SessionStates States { get; private set; } = new(LoginState.Undefined, SessionState.Undefined);

    /// <summary>Every event received so far, in order.</summary>
    public IReadOnlyList<PostedSessionEvent> Events => _events;

    /// <summary>Told of every event and state change, for the Launcher's journal.</summary>
    public Action<PostedSessionEvent>? EventRecorded { get; set; }

    /// <summary>Told of every state change with its cause.</summary>
    public Action<SessionStates, SessionStates, string>? StatesChanged { get; set; }

    /// <summary>Told when the session has ended on the appliance's side (logged off, timed out): the legacy delay starts here.</summary>
    public Action<string>? SessionEnded { get; set; }

    /// <summary>Receives an event from the Launcher and applies it.</summary>
    public void Receive(SessionEventKind kind, string? message = null)
    {
        Record(kind, message, byAppliance: false);
        switch (kind)
        {
            case SessionEventKind.ConnectionStarted:
                // LC-L01: the login is now in progress, and the appliance starts counting.
                MoveTo(States with { Login = LoginState.InProgress }, "ConnectionStarted");
                _loginTimer?.Dispose();
                _loginTimer = _time.CreateTimer(_ => _post(OnLoginTimeout), null, _loginTimeout, Timeout.InfiniteTimeSpan);
                break;
            case SessionEventKind.ConnectionEnded:
                MoveTo(SessionTransitions.AfterConnectionEnded(States), "ConnectionEnded");
                break;
            case SessionEventKind.ConnectionFailed:
                MoveTo(SessionTransitions.AfterConnectionFailed(States), "ConnectionFailed");
                break;
            default:
                break;
        }
    }

    /// <summary>Simulates the appliance's own progress, such as a login that succeeded and a workload that runs.</summary>
    public void SetStates(SessionStates states, string cause) => MoveTo(states, cause);

    /// <summary>Simulates the user session logging off: the end of the session on the appliance's side.</summary>
    public void LogOff()
    {
        MoveTo(States with { Session = SessionState.LoggingOff }, "the user session logged off");
        SessionEnded?.Invoke("the user session logged off");
    }

    /// <inheritdoc />
    public void Dispose() => _loginTimer?.Dispose();

    private void OnLoginTimeout()
    {
        if (States.Login != LoginState.InProgress)
        {
            return;
        }

        Record(SessionEventKind.ConnectionInitializationTimeout, null, byAppliance: true);
        MoveTo(States with { Login = LoginState.Failed }, "connectionInitializationTimeout");
        SessionEnded?.Invoke("the login timed out");
    }

    private void Record(SessionEventKind kind, string? message, bool byAppliance)
    {
        var posted = new PostedSessionEvent(kind, message, _time.GetUtcNow(), byAppliance);
        _events.Add(posted);
        EventRecorded?.Invoke(posted);
    }

    private void MoveTo(SessionStates after, string cause)
    {
        var before = States;
        if (before.IsFinal && after != before)
        {
            // LC-L14: a session in a final state never leaves it.
            return;
        }

        if (after.Login != LoginState.InProgress)
        {
            _loginTimer?.Dispose();
            _loginTimer = null;
        }

        if (after == before)
        {
            return;
        }

        States = after;
        StatesChanged?.Invoke(before, after, cause);
    }
}
