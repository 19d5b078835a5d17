namespace Conformance.Reference.Appliance;

/// <summary>Where the appliance's login of a session stands.</summary>
public enum LoginState
{
    /// <summary>No login has started.</summary>
    Undefined,

    /// <summary>The login is under way (after ConnectionStarted).</summary>
    InProgress,

    /// <summary>The login failed, or timed out.</summary>
    Failed,

    /// <summary>The login was aborted.</summary>
    Aborted,

    /// <summary>The login was abandoned.</summary>
    Abandoned,

    /// <summary>The user is logged in.</summary>
    Succeeded,
}
