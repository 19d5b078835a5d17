using System.Text.Json.Nodes;
using Conformance.Engine.Running;

namespace Conformance.Engine.DcvVirtualChannels.Broker;

/// <summary>
/// What a broker scenario writes to its transcript: one entry per step's observable outcome, in the order the steps
/// ran, so the approved snapshot does not depend on how the broker's own tasks interleave. Tokens never appear.
/// </summary>
internal static class BrokerTranscript
{
    public static void Add(ScenarioContext context, string kind, params (string Name, JsonNode? Value)[] fields)
    {
        ArgumentNullException.ThrowIfNull(context);
        var entry = new JsonObject();
        foreach (var (name, value) in fields)
        {
            entry[name] = value;
        }

        context.Transcript.Add(kind, entry);
    }
}
