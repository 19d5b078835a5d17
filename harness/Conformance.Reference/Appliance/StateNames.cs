namespace Conformance.Reference.Appliance;

/// <summary>The catalog's spelling of states: login states in lower case, session states in camelCase.</summary>
public static class StateNames
{
    /// <summary>"inprogress", "succeeded", …</summary>
    public static string Of(LoginState state) => state.ToString().ToLowerInvariant();

    /// <summary>"running", "abortRequested", "loggingOff", …</summary>
    public static string Of(SessionState state)
    {
        var name = state.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>Reads a login state, ignoring case.</summary>
    /// <exception cref="ArgumentException">No such login state.</exception>
    public static LoginState ParseLogin(string name) => Parse<LoginState>(name);

    /// <summary>Reads a session state, ignoring case.</summary>
    /// <exception cref="ArgumentException">No such session state.</exception>
    public static SessionState ParseSession(string name) => Parse<SessionState>(name);

    private static T Parse<T>(string name)
        where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(value.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        throw new ArgumentException($"\"{name}\" is not a {typeof(T).Name}; expected one of {string.Join(", ", Enum.GetNames<T>())}.", nameof(name));
    }
}
