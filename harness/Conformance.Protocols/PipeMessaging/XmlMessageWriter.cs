using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace Conformance.Protocols.PipeMessaging;

/// <summary>
/// Writes the XML form: a root element named after the message type, one child element per member in the
/// protocol's order, no XML declaration. Object members become child elements, scalars text, null an
/// empty element with <c>xsi:nil="true"</c>; arrays and member names that are not XML names have no XML
/// form and are refused.
/// </summary>
internal static class XmlMessageWriter
{
    // Entitizing CR keeps it: a reader would otherwise normalize it into LF.
    private static readonly XmlWriterSettings Settings = new()
    {
        OmitXmlDeclaration = true,
        NewLineHandling = NewLineHandling.Entitize,
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
    };

    public static string Write(PipeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var root = new XElement(message.MessageType, Members(message));
        if (root.Descendants().Any(element => element.Attribute(XmlValues.Nil) is not null))
        {
            root.Add(new XAttribute(XNamespace.Xmlns + "xsi", XmlValues.Xsi.NamespaceName));
        }

        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, Settings))
        {
            root.WriteTo(writer);
        }

        return text.ToString();
    }

    private static IEnumerable<XElement> Members(PipeMessage message) => message switch
    {
        Handshake handshake => [Text(MessageMembers.Sender, handshake.Sender.ToString())],
        Event @event =>
        [
            Text(MessageMembers.EventId, CanonicalGuid.Format(@event.EventId)),
            Text(MessageMembers.EventType, @event.EventType),
            Value(MessageMembers.Payload, MessageRules.Object(MessageMembers.Payload, @event.Payload)),
        ],
        Confirmation confirmation => [Text(MessageMembers.EventId, CanonicalGuid.Format(confirmation.EventId))],
        Request request =>
        [
            Text(MessageMembers.RequestId, CanonicalGuid.Format(request.RequestId)),
            Text(MessageMembers.Command, request.Command),
            Value(MessageMembers.Parameters, MessageRules.Object(MessageMembers.Parameters, request.Parameters)),
        ],
        Response response =>
        [
            Text(MessageMembers.RequestId, CanonicalGuid.Format(response.RequestId)),
            Text(MessageMembers.Status, response.Status.ToString()),
            MessageRules.Outcome(response) is { } result ? Value(MessageMembers.Result, result) : Text(MessageMembers.Error, response.Error!),
        ],
        _ => throw new ArgumentException($"{message.GetType().Name} is not a Pipe Messaging message.", nameof(message)),
    };

    private static XElement Text(string member, string text) => new(member, XmlValues.Text(member, text));

    private static XElement Value(string member, JsonElement value)
    {
        var element = new XElement(member);
        XmlValues.Write(value, element, member);
        return element;
    }
}
