using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Messages = Io.Cucumber.Messages.Types;

namespace Conformance.Engine.Reports;

/// <summary>
/// Writes Cucumber envelopes as NDJSON the way Cucumber's tools read them: one envelope per line, members in
/// camelCase, absent members left out, enums by the names the message schema gives (their descriptions).
/// </summary>
internal static class MessagesNdjson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new DescribedEnums() },
    };

    /// <summary>Writes every envelope to <paramref name="path"/>.</summary>
    public static void Write(string path, IEnumerable<Messages.Envelope> envelopes)
    {
        ArgumentNullException.ThrowIfNull(envelopes);
        using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
        foreach (var envelope in envelopes)
        {
            writer.WriteLine(Serialize(envelope));
        }
    }

    /// <summary>One envelope as one line of JSON.</summary>
    public static string Serialize(Messages.Envelope envelope) => JsonSerializer.Serialize(envelope, Options);

    /// <summary>Enums as their DescriptionAttribute ("PASSED", "Context", "text/x.cucumber.gherkin+plain").</summary>
    private sealed class DescribedEnums : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(Described<>).MakeGenericType(typeToConvert))!;

        private sealed class Described<T> : JsonConverter<T>
            where T : struct, Enum
        {
            private static readonly Dictionary<T, string> Names = Enum.GetValues<T>().ToDictionary(
                value => value,
                value => typeof(T).GetField(value.ToString())!.GetCustomAttribute<DescriptionAttribute>()?.Description ?? value.ToString());

            public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            {
                var text = reader.GetString();
                return Names.First(pair => pair.Value == text).Key;
            }

            public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(Names[value]);
        }
    }
}
