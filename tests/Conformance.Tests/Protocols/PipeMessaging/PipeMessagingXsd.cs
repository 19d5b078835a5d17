using Conformance.Engine.Validation;
using Conformance.Tests.Support;

namespace Conformance.Tests.Protocols.PipeMessaging;

/// <summary>The XSD of the messages' XML form, as the engine loads it.</summary>
internal static class PipeMessagingXsd
{
    private static readonly Lazy<XmlMessageSchema> Schema = new(() => XmlMessageSchema.Load("pipe-messaging", Path.Combine(Folder, "pipe-messaging.xsd")));

    public static string Folder => Path.Combine(Project.Layout.Schemas, "pipe-messaging");

    /// <summary>Every validation error and warning for <paramref name="xml"/>; empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(string xml) => Schema.Value.Validate(xml).Select(issue => issue.ToString()).ToList();
}
