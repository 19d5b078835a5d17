using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conformance.Protocols.LauncherConnector;

/// <summary>The one JSON setting both ends of the Launcher pipe use.</summary>
public static class LauncherConnectorJson
{
    /// <summary>Case-sensitive camelCase members, enums by name, compact lines, non-ASCII kept as is.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNameCaseInsensitive = false,
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false) },
    };
}
