using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Conformance.Protocols.LauncherConnector;

/// <summary>The Launcher's first line to the connector: everything needed to open the remote connection.</summary>
public sealed record ConnectionConfiguration
{
    /// <summary>The session's identifier, a GUID in its 36-character form.</summary>
    [JsonPropertyName("sessionId")]
    public required string SessionId { get; init; }

    /// <summary>Target machine.</summary>
    [JsonPropertyName("host")]
    public string Host { get; init; } = "";

    /// <summary>Target resource on that machine.</summary>
    [JsonPropertyName("resource")]
    public string Resource { get; init; } = "";

    /// <summary>The session account's user name.</summary>
    [JsonPropertyName("username")]
    public string Username { get; init; } = "";

    /// <summary>The session account's password: a secret, never to be logged.</summary>
    [JsonPropertyName("password")]
    public string Password { get; init; } = "";

    /// <summary>The session account's domain.</summary>
    [JsonPropertyName("domain")]
    public string Domain { get; init; } = "";

    /// <summary>The account's custom fields.</summary>
    [JsonPropertyName("accountCustomFields")]
    public IReadOnlyDictionary<string, string> AccountCustomFields { get; init; } = new Dictionary<string, string>();

    /// <summary>The account's secure fields: every value is a secret.</summary>
    [JsonPropertyName("accountSecureFields")]
    public IReadOnlyDictionary<string, string> AccountSecureFields { get; init; } = new Dictionary<string, string>();

    /// <summary>The values that must never leave the pipe (LC-C09): the password and every secure field.</summary>
    [JsonIgnore]
    public IEnumerable<string> Secrets =>
        new[] { Password }.Concat(AccountSecureFields.Values).Where(secret => secret.Length > 0);

    /// <summary>Serializes the configuration as one JSON line (without the LF).</summary>
    public string ToJsonLine() => JsonSerializer.Serialize(this, LauncherConnectorJson.Options);

    /// <summary>The configuration as a JSON object, for callers that add members of their own.</summary>
    public JsonObject ToJsonObject() => JsonSerializer.SerializeToNode(this, LauncherConnectorJson.Options)!.AsObject();

    /// <summary>Reads a configuration line, ignoring members it does not know.</summary>
    /// <exception cref="JsonException">The line is not a configuration object.</exception>
    public static ConnectionConfiguration Parse(string line) =>
        JsonSerializer.Deserialize<ConnectionConfiguration>(line, LauncherConnectorJson.Options)
        ?? throw new JsonException("The configuration line is null.");
}
