using System.Text.Json.Nodes;

namespace Conformance.Endurance.Workloads;

/// <summary>
/// The manifest of every certification: the remote client lives 0.2 s, and the deadlines are short next to the
/// defaults yet far above what a conformant fixture needs, so a certification is quick and only a stuck run fails.
/// </summary>
internal static class CertificationManifest
{
    public static string Json() => new JsonObject
    {
        ["timeouts"] = new JsonObject
        {
            ["connectSeconds"] = 10,
            ["windowCreatedSeconds"] = 10,
            ["windowClosedSeconds"] = 10,
            ["exitSeconds"] = 5,
            ["windowLifetimeSeconds"] = 0.2,
        },
    }.ToJsonString();
}
