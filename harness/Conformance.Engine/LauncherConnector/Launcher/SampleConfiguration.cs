using Conformance.Engine.LauncherConnector.Connector;
using Conformance.Protocols.LauncherConnector;

namespace Conformance.Engine.LauncherConnector.Launcher;

/// <summary>The configuration the reference Launcher sends in Launcher scenarios, with fresh secrets each time.</summary>
internal static class SampleConfiguration
{
    /// <summary>A complete configuration for a new session.</summary>
    public static ConnectionConfiguration Create()
    {
        var secrets = RunSecrets.Generate();
        return new ConnectionConfiguration
        {
            SessionId = Guid.NewGuid().ToString("D"),
            Host = "desktop01.contoso.test",
            Resource = "Desktop",
            Username = "alice",
            Password = secrets.Password,
            Domain = "CONTOSO",
            AccountCustomFields = new Dictionary<string, string> { ["department"] = "QA" },
            AccountSecureFields = new Dictionary<string, string> { ["pin"] = secrets.Pin },
        };
    }
}
