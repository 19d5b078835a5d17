using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;

namespace Conformance.Protocols.PipeMessaging;

/// <summary>
/// The suite's mapping between JSON values and the content of an XML element (the sources give none).
/// Objects are child elements, one per member; strings are text, and numbers and booleans are written
/// as text too, so they read back as strings; null is <c>xsi:nil="true"</c>; an empty element reads as an
/// empty string. Elements in a namespace and attributes are extensions: reported, never mapped.
/// </summary>
internal static class XmlValues
{
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public static readonly XName Nil = Xsi + "nil";

    /// <summary>Puts <paramref name="value"/> into <paramref name="element"/>.</summary>
    /// <exception cref="ArgumentException">The value holds an array, a member name that is not an XML name, or a character XML cannot carry.</exception>
    public static void Write(JsonElement value, XElement element, string path)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in value.EnumerateObject())
                {
                    var memberPath = $"{path}.{member.Name}";
                    var child = new XElement(Name(member.Name, memberPath));
                    Write(member.Value, child, memberPath);
                    element.Add(child);
                }

                break;
            case JsonValueKind.String:
                element.Add(Text(path, value.GetString()!));
                break;
            case JsonValueKind.Number:
                element.Add(value.GetRawText());
                break;
            case JsonValueKind.True or JsonValueKind.False:
                element.Add(value.ValueKind == JsonValueKind.True ? "true" : "false");
                break;
            case JsonValueKind.Null:
                element.Add(new XAttribute(Nil, "true"));
                break;
            default:
                throw new ArgumentException($"{path} is {JsonValues.Describe(value)}, which the XML form cannot carry.", nameof(value));
        }
    }

    /// <summary>Checks that XML can carry <paramref name="text"/> as it is.</summary>
    public static string Text(string path, string text)
    {
        try
        {
            XmlConvert.VerifyXmlChars(text);
            return text;
        }
        catch (XmlException)
        {
            throw new ArgumentException($"{path} holds a character XML cannot carry.", nameof(text));
        }
    }

    /// <summary>The object an element's children make; text beside them is a fault.</summary>
    public static JsonObject ReadObject(XElement element, string path, List<string> unknown)
    {
        if (HasText(element))
        {
            throw new DecodeFailure(PipeMessageError.WrongType, path, $"<{element.Name.LocalName}> holds text; {path} is an object, made of child elements");
        }

        var result = new JsonObject();
        foreach (var child in element.Elements())
        {
            var childPath = $"{path}.{child.Name.LocalName}";
            if (child.Name.Namespace != XNamespace.None)
            {
                unknown.Add($"{path}.{child.Name}");
                continue;
            }

            if (result.ContainsKey(child.Name.LocalName))
            {
                throw new DecodeFailure(PipeMessageError.DuplicateMember, childPath, $"the member {childPath} appears more than once");
            }

            result[child.Name.LocalName] = ReadValue(child, childPath, unknown);
        }

        return result;
    }

    /// <summary>The value an element holds: null when nil, an object when it has child elements, else its text.</summary>
    public static JsonNode? ReadValue(XElement element, string path, List<string> unknown)
    {
        unknown.AddRange(element.Attributes().Where(attribute => !attribute.IsNamespaceDeclaration && attribute.Name != Nil).Select(attribute => $"{path}.@{attribute.Name}"));
        if (IsNil(element, path))
        {
            return element.Nodes().Any()
                ? throw new DecodeFailure(PipeMessageError.BadValue, path, $"{path} is nil but not empty")
                : null;
        }

        return element.Elements().Any() ? ReadObject(element, path, unknown) : JsonValue.Create(TextOf(element));
    }

    /// <summary>The element's text, every text and CDATA node joined.</summary>
    public static string TextOf(XElement element) => string.Concat(element.Nodes().OfType<XText>().Select(text => text.Value));

    private static bool HasText(XElement element) => !string.IsNullOrWhiteSpace(TextOf(element));

    private static bool IsNil(XElement element, string path)
    {
        if (element.Attribute(Nil) is not { } nil)
        {
            return false;
        }

        try
        {
            return XmlConvert.ToBoolean(nil.Value);
        }
        catch (FormatException)
        {
            throw new DecodeFailure(PipeMessageError.BadValue, path, $"{path} has xsi:nil \"{MemberValues.Shorten(nil.Value)}\", which is not a boolean");
        }
    }

    private static string Name(string name, string path)
    {
        try
        {
            return XmlConvert.VerifyNCName(name);
        }
        catch (XmlException)
        {
            throw new ArgumentException($"{path}: the member name \"{name}\" is not an XML name, so the XML form cannot carry it.", nameof(name));
        }
    }
}
