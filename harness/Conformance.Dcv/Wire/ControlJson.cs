using Google.Protobuf;

namespace Conformance.Dcv.Wire;

/// <summary>
/// Control messages in their canonical proto3 JSON form (lowerCamelCase names, int64 as strings, bytes as
/// base64, enums by name, defaults omitted), as the JSON Schemas under <c>schemas/dcv-virtual-channels/</c> see them.
/// </summary>
public static class ControlJson
{
    /// <summary>The schemas' protocol folder.</summary>
    public const string SchemaFolder = "dcv-virtual-channels";

    /// <summary>The schema of what an extension sends.</summary>
    public const string ExtensionMessageSchema = SchemaFolder + "/extension-message";

    /// <summary>The schema of what DCV sends.</summary>
    public const string DcvMessageSchema = SchemaFolder + "/dcv-message";

    // Canonical: the formatter's defaults, which omit fields at their default value and write enums by name.
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default);

    /// <summary>The canonical JSON of <paramref name="message"/>.</summary>
    public static string Format(IMessage message)
    {
        // Stryker disable once Statement : protobuf refuses a null message with the same exception and parameter name
        ArgumentNullException.ThrowIfNull(message);
        return Formatter.Format(message);
    }

    /// <summary>The name of the schema that judges <paramref name="message"/>, for use with the harness's schema set.</summary>
    /// <exception cref="ArgumentException">It is neither an <see cref="ExtensionMessage"/> nor a <see cref="DcvMessage"/>.</exception>
    public static string SchemaFor(IMessage message) => message switch
    {
        ExtensionMessage => ExtensionMessageSchema,
        DcvMessage => DcvMessageSchema,
        _ => throw new ArgumentException($"{message?.Descriptor.FullName} is not a control message.", nameof(message)),
    };
}
