using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Conformance.Protocols.Framing;

namespace Conformance.Protocols.PipeMessaging;

/// <summary>
/// Decodes the XML form with the XSD's strictness: a root element in no namespace named after the message,
/// its members as child elements in the protocol's order, each once, member text exactly as the JSON form
/// would carry it. Elements in a namespace after the members, and attributes on the root, are extensions:
/// listed, not rejected. A DOCTYPE is refused, so no entity can expand.
/// </summary>
internal static class XmlMessageReader
{
    /// <summary>How deep elements may nest, the root counting as the first level: the JSON reader's default depth.</summary>
    public const int MaxDepth = 64;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    public static PipeMessageDecodeResult Read(string xml)
    {
        XDocument document;
        try
        {
            // Nesting is checked before the tree is built, so the decoder's recursion stays shallow.
            if (DeepestElement(xml) > MaxDepth)
            {
                return PipeMessageDecodeResult.Fail(PayloadKind.Xml, PipeMessageError.InvalidXml, null, $"elements nest deeper than {MaxDepth} levels, this decoder's limit");
            }

            using var reader = XmlReader.Create(new StringReader(xml), Settings);
            document = XDocument.Load(reader, LoadOptions.PreserveWhitespace);
        }
        catch (XmlException exception)
        {
            return PipeMessageDecodeResult.Fail(PayloadKind.Xml, PipeMessageError.InvalidXml, null, $"not well-formed XML: {exception.Message}");
        }

        try
        {
            var unknown = new List<string>();
            var message = ReadMessage(document.Root!, unknown);
            return new PipeMessageDecodeResult(message, PayloadKind.Xml, null, null, null, unknown);
        }
        catch (DecodeFailure failure)
        {
            return PipeMessageDecodeResult.Fail(PayloadKind.Xml, failure.Error, failure.Member, failure.Message);
        }
    }

    // The deepest element's level, reading no further than one level past the limit.
    private static int DeepestElement(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml), Settings);
        var deepest = 0;
        while (deepest <= MaxDepth && reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                deepest = Math.Max(deepest, reader.Depth + 1);
            }
        }

        return deepest;
    }

    private static PipeMessage ReadMessage(XElement root, List<string> unknown)
    {
        if (root.Name.Namespace != XNamespace.None)
        {
            throw new DecodeFailure(PipeMessageError.BadMessageType, null,
                $"the root element <{root.Name.LocalName}> is in the namespace \"{root.Name.NamespaceName}\"; messages are in no namespace");
        }

        var type = root.Name.LocalName;
        if (!PipeMessageTypes.All.Contains(type))
        {
            throw new DecodeFailure(PipeMessageError.UnknownMessageType, null,
                $"the root element <{MemberValues.Shorten(type)}> is not one of {string.Join(", ", PipeMessageTypes.All)}");
        }

        if (XmlValues.TextOf(root).Any(character => !char.IsWhiteSpace(character)))
        {
            throw new DecodeFailure(PipeMessageError.WrongType, null, $"<{type}> holds text; a message holds only its member elements");
        }

        unknown.AddRange(root.Attributes().Where(attribute => !attribute.IsNamespaceDeclaration).Select(attribute => $"@{attribute.Name}"));
        var members = Members(root, type, unknown);
        return type switch
        {
            PipeMessageTypes.Handshake => new Handshake(MemberValues.Sender(Text(members, MessageMembers.Sender))),
            PipeMessageTypes.Event => new Event(
                MemberValues.Guid(MessageMembers.EventId, Text(members, MessageMembers.EventId)),
                Text(members, MessageMembers.EventType),
                Object(members, MessageMembers.Payload, unknown)),
            PipeMessageTypes.Confirmation => new Confirmation(MemberValues.Guid(MessageMembers.EventId, Text(members, MessageMembers.EventId))),
            PipeMessageTypes.Request => new Request(
                MemberValues.Guid(MessageMembers.RequestId, Text(members, MessageMembers.RequestId)),
                Text(members, MessageMembers.Command),
                Object(members, MessageMembers.Parameters, unknown)),
            _ => ReadResponse(members, unknown),
        };
    }

    // The members by name, having checked their order: known ones first, each once, then extensions.
    private static Dictionary<string, XElement> Members(XElement root, string type, List<string> unknown)
    {
        var order = MessageMembers.Of(type);
        var members = new Dictionary<string, XElement>(StringComparer.Ordinal);
        var last = -1;
        string? extension = null;
        foreach (var child in root.Elements())
        {
            if (child.Name.Namespace != XNamespace.None)
            {
                unknown.Add(child.Name.ToString());
                extension ??= child.Name.ToString();
                continue;
            }

            var name = child.Name.LocalName;
            var index = Array.IndexOf(order, name);
            if (index < 0)
            {
                throw new DecodeFailure(PipeMessageError.MemberNotAllowed, name,
                    $"<{MemberValues.Shorten(name)}> is not a member of {type}; an element the protocol does not define belongs in a namespace of its own");
            }

            if (members.ContainsKey(name))
            {
                throw new DecodeFailure(PipeMessageError.DuplicateMember, name, $"the member {name} appears more than once");
            }

            if (extension is not null)
            {
                throw new DecodeFailure(PipeMessageError.MemberNotAllowed, name, $"<{name}> follows the extension element {extension}; the members come first");
            }

            if (index < last)
            {
                throw new DecodeFailure(PipeMessageError.MemberNotAllowed, name,
                    $"<{name}> follows <{order[last]}>; the members of {type} come in the order {string.Join(", ", order)}");
            }

            members[name] = child;
            last = index;
        }

        return members;
    }

    private static Response ReadResponse(Dictionary<string, XElement> members, List<string> unknown)
    {
        var requestId = MemberValues.Guid(MessageMembers.RequestId, Text(members, MessageMembers.RequestId));
        var status = MemberValues.Status(Text(members, MessageMembers.Status));
        if (members.ContainsKey(MessageMembers.Result) && members.ContainsKey(MessageMembers.Error))
        {
            throw new DecodeFailure(PipeMessageError.MemberNotAllowed, MessageMembers.Error, "a response carries a result or an error, not both");
        }

        if (status == ResponseStatus.Success)
        {
            return members.ContainsKey(MessageMembers.Error) ? throw MemberValues.ErrorWithSuccess()
                : members.TryGetValue(MessageMembers.Result, out var result) ? new Response(requestId, status, Result(result, unknown))
                : throw DecodeFailure.Missing(MessageMembers.Result);
        }

        return members.ContainsKey(MessageMembers.Result) ? throw MemberValues.ResultWithError()
            : new Response(requestId, status, null, MemberValues.Error(Text(members, MessageMembers.Error)));
    }

    private static string Text(Dictionary<string, XElement> members, string member)
    {
        var element = Required(members, member);
        NoAttributes(element, member);
        return element.Elements().Any()
            ? throw new DecodeFailure(PipeMessageError.WrongType, member, $"<{member}> holds elements; {member} is text")
            : XmlValues.TextOf(element);
    }

    private static JsonElement Object(Dictionary<string, XElement> members, string member, List<string> unknown)
    {
        var element = Required(members, member);
        NoAttributes(element, member);
        return JsonValues.From(XmlValues.ReadObject(element, member, unknown));
    }

    private static JsonElement Result(XElement element, List<string> unknown)
    {
        if (element.Attributes().FirstOrDefault(attribute => !attribute.IsNamespaceDeclaration && attribute.Name != XmlValues.Nil) is { } attribute)
        {
            throw new DecodeFailure(PipeMessageError.WrongType, MessageMembers.Result, $"<result> carries the attribute {attribute.Name}; only xsi:nil is allowed there");
        }

        return JsonValues.From(XmlValues.ReadValue(element, MessageMembers.Result, unknown));
    }

    private static XElement Required(Dictionary<string, XElement> members, string member) =>
        members.TryGetValue(member, out var element) ? element : throw DecodeFailure.Missing(member);

    private static void NoAttributes(XElement element, string member)
    {
        if (element.Attributes().FirstOrDefault(attribute => !attribute.IsNamespaceDeclaration) is { } attribute)
        {
            throw new DecodeFailure(PipeMessageError.WrongType, member, $"<{member}> carries the attribute {attribute.Name}; a member element carries none");
        }
    }
}
