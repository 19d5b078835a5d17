using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conformance.Dcv.Manifest;

/// <summary>
/// A DCV extension's manifest (JSON): its name, where its executable is, on which side it starts, and the
/// namespace of its virtual channels (VC-08).
/// </summary>
public sealed record DcvExtensionManifest
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The extension's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>What it does.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Its executable, relative to the manifest's folder unless absolute.</summary>
    [JsonPropertyName("path")]
    public string? Path { get; init; }

    /// <summary>Whether DCV starts it on the server side.</summary>
    [JsonPropertyName("start_on_server")]
    public bool StartOnServer { get; init; }

    /// <summary>Whether DCV starts it on the client side.</summary>
    [JsonPropertyName("start_on_client")]
    public bool StartOnClient { get; init; }

    /// <summary>The namespace of its virtual channels; <c>dcv</c> is reserved (VC-08).</summary>
    [JsonPropertyName("virtual_channel_namespace")]
    public string? VirtualChannelNamespace { get; init; }

    /// <summary>Free data for the extension itself.</summary>
    [JsonPropertyName("userdata")]
    public JsonElement? UserData { get; init; }

    /// <summary>Reads a manifest from <paramref name="json"/>.</summary>
    /// <exception cref="JsonException">It is not a JSON object of this shape.</exception>
    public static DcvExtensionManifest Parse(string json) =>
        JsonSerializer.Deserialize<DcvExtensionManifest>(json, Json) ?? throw new JsonException("The manifest is null; a DCV manifest is a JSON object.");

    /// <summary>Reads the manifest file at <paramref name="path"/>.</summary>
    /// <exception cref="JsonException">It is not a JSON object of this shape.</exception>
    /// <exception cref="IOException">It cannot be read.</exception>
    public static async Task<DcvExtensionManifest> LoadAsync(string path, CancellationToken cancellationToken = default) =>
        Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));

    /// <summary>The manifest as JSON, with its own member names.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
