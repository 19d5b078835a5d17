namespace Conformance.Reference.Appliance;

/// <summary>
/// Where ConnectionEnded (table T1) and ConnectionFailed (table T2) move a session. The features carry the
/// same tables as Examples; the reference keeps its own copy so that the features can catch it out.
/// </summary>
public static class SessionTransitions
{
    private static readonly Dictionary<SessionStates, SessionStates> ConnectionEndedTable = new()
    {
        [new(LoginState.InProgress, SessionState.Undefined)] = new(LoginState.Failed, SessionState.Faulted),
        [new(LoginState.Succeeded, SessionState.Connected)] = new(LoginState.Succeeded, SessionState.Faulted),
        [new(LoginState.Succeeded, SessionState.Running)] = new(LoginState.Succeeded, SessionState.Faulted),
        [new(LoginState.Succeeded, SessionState.LoggingOff)] = new(LoginState.Succeeded, SessionState.Completed),
        [new(LoginState.Succeeded, SessionState.AbortRequested)] = new(LoginState.Succeeded, SessionState.Aborted),
        [new(LoginState.Failed, SessionState.Undefined)] = new(LoginState.Failed, SessionState.Faulted),
    };

    private static readonly Dictionary<SessionStates, SessionStates> ConnectionFailedTable = new()
    {
        [new(LoginState.InProgress, SessionState.Undefined)] = new(LoginState.Failed, SessionState.Faulted),
    };

    /// <summary>Table T1: the states after ConnectionEnded.</summary>
    public static SessionStates AfterConnectionEnded(SessionStates before) => Apply(ConnectionEndedTable, before);

    /// <summary>Table T2: the states after ConnectionFailed.</summary>
    public static SessionStates AfterConnectionFailed(SessionStates before) => Apply(ConnectionFailedTable, before);

    private static SessionStates Apply(Dictionary<SessionStates, SessionStates> table, SessionStates before)
    {
        // LC-L14: a final state is never left, whatever arrives.
        if (before.IsFinal)
        {
            return before;
        }

        if (table.TryGetValue(before, out var after))
        {
            return after;
        }

        // Interpretation for pairs the tables do not list: the connection is over, so the session faults,
        // and a login still in progress has failed.
        var login = before.Login == LoginState.InProgress ? LoginState.Failed : before.Login;
        return new SessionStates(login, SessionState.Faulted);
    }
}
