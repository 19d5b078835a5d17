namespace Conformance.Reference.Appliance;

/// <summary>A session's login and session state together, as the tables T1 and T2 key them.</summary>
public readonly record struct SessionStates(LoginState Login, SessionState Session)
{
    /// <summary>Final session states, which a session never leaves (LC-L14).</summary>
    public static IReadOnlySet<SessionState> FinalSessionStates { get; } =
        new HashSet<SessionState> { SessionState.Faulted, SessionState.Aborted, SessionState.Completed, SessionState.Abandoned };

    /// <summary>True when the session state is final.</summary>
    public bool IsFinal => FinalSessionStates.Contains(Session);

    /// <summary>Parses the catalog's spelling of both states ("inprogress", "abortRequested"), ignoring case.</summary>
    public static SessionStates Parse(string login, string session) =>
        new(StateNames.ParseLogin(login), StateNames.ParseSession(session));

    /// <inheritdoc />
    public override string ToString() => $"login {StateNames.Of(Login)}, session {StateNames.Of(Session)}";
}
