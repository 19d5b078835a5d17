using Conformance.Protocols.PipeMessaging;

namespace Conformance.Tests.Protocols.PipeMessaging;

/// <summary>The pipe-messaging test vectors on disk: JSON under examples/, XML under examples-xml/.</summary>
internal static class ExampleVectors
{
    /// <summary>The folder stem of each message, and the message type it holds vectors for.</summary>
    public static IReadOnlyDictionary<string, string> MessageTypesByStem { get; } =
        PipeMessageTypes.All.ToDictionary(type => type.ToLowerInvariant(), type => type);

    public static IEnumerable<TestCaseData> Json() => Vectors("examples", "*.json");

    public static IEnumerable<TestCaseData> Xml() => Vectors("examples-xml", "*.xml");

    private static IEnumerable<TestCaseData> Vectors(string examples, string pattern)
    {
        var root = Path.Combine(PipeMessagingXsd.Folder, examples);
        foreach (var stem in Directory.EnumerateDirectories(root).Order())
        {
            foreach (var verdict in new[] { "valid", "invalid" })
            {
                var folder = Path.Combine(stem, verdict);
                foreach (var file in Directory.Exists(folder) ? Directory.EnumerateFiles(folder, pattern).Order().ToList() : [])
                {
                    var name = Path.GetFileName(stem);
                    yield return new TestCaseData(MessageTypesByStem.GetValueOrDefault(name, name), file, verdict == "valid")
                        .SetName($"{name} {verdict} {Path.GetFileNameWithoutExtension(file)}");
                }
            }
        }
    }
}
