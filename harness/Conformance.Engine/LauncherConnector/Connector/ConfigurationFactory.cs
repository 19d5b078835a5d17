using System.Text.Json.Nodes;

namespace Conformance.Engine.LauncherConnector.Connector;

/// <summary>
/// Builds the configurations sent to a connector under test: the defaults, the manifest's launchable
/// members over them, the failing members over those, and the unusual variants of LC-C12.
/// </summary>
internal static class ConfigurationFactory
{
    /// <summary>A configuration the connector can launch, for session <paramref name="sessionId"/>.</summary>
    public static JsonObject Launchable(ConnectorTarget target, Guid sessionId)
    {
        ArgumentNullException.ThrowIfNull(target);
        var defaults = new JsonObject
        {
            ["sessionId"] = sessionId.ToString("D"),
            ["host"] = "localhost",
            ["resource"] = "desktop",
            ["username"] = "conformance-user",
            ["password"] = target.Secrets.Password,
            ["domain"] = "CONFORMANCE",
            ["accountCustomFields"] = new JsonObject { ["department"] = "QA" },
            ["accountSecureFields"] = new JsonObject { ["pin"] = target.Secrets.Pin },
        };
        return Merge(defaults, target.Launchable);
    }

    /// <summary>A configuration the connector cannot launch (by default the host <c>unreachable.invalid</c>).</summary>
    public static JsonObject Failing(ConnectorTarget target, Guid sessionId)
    {
        ArgumentNullException.ThrowIfNull(target);
        var failing = target.Failing.Count > 0 ? target.Failing : new JsonObject { ["host"] = "unreachable.invalid" };
        return Merge(Launchable(target, sessionId), failing);
    }

    /// <summary>The launchable configuration changed as LC-C12's <paramref name="variant"/> says.</summary>
    public static JsonObject Unusual(ConnectorTarget target, Guid sessionId, UnusualConfiguration variant)
    {
        var configuration = Launchable(target, sessionId);
        switch (variant)
        {
            case UnusualConfiguration.UnknownExtraMembers:
                configuration["launcherVersion"] = "99.1.0";
                configuration["tenant"] = new JsonObject { ["region"] = "eu-west", ["tier"] = 3, ["flags"] = new JsonArray(true, null) };
                configuration["futureFeature"] = null;
                break;
            case UnusualConfiguration.NonAsciiText:
                configuration["username"] = "søren.ødegård";
                configuration["domain"] = "ÆØÅ-Ünïcødé";
                configuration["resource"] = "デスクトップ 🖥";
                configuration["accountCustomFields"] = new JsonObject { ["abteilung"] = "Qualitätssicherung", ["部署"] = "品質" };
                break;
            case UnusualConfiguration.EmptyDictionaries:
                configuration["accountCustomFields"] = new JsonObject();
                configuration["accountSecureFields"] = new JsonObject();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(variant), variant, null);
        }

        return configuration;
    }

    /// <summary>The values in <paramref name="configuration"/> that must never leak, each with its member's name: the password and every secure field.</summary>
    public static IReadOnlyList<NamedSecret> SecretsOf(JsonObject configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var secrets = new List<NamedSecret>();
        if (configuration["password"] is JsonValue password && password.TryGetValue<string>(out var text) && text.Length > 0)
        {
            secrets.Add(new NamedSecret("password", text));
        }

        if (configuration["accountSecureFields"] is JsonObject secure)
        {
            foreach (var (name, value) in secure)
            {
                if (value is JsonValue field && field.TryGetValue<string>(out var secret) && secret.Length > 0)
                {
                    secrets.Add(new NamedSecret($"accountSecureFields.{name}", secret));
                }
            }
        }

        return secrets.DistinctBy(secret => secret.Value, StringComparer.Ordinal).ToList();
    }

    /// <summary><paramref name="overrides"/> merged over a copy of <paramref name="defaults"/>: objects merge member by member, null removes.</summary>
    public static JsonObject Merge(JsonObject defaults, JsonObject overrides)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        ArgumentNullException.ThrowIfNull(overrides);
        var merged = (JsonObject)defaults.DeepClone();
        foreach (var (name, value) in overrides)
        {
            if (value is null)
            {
                merged.Remove(name);
            }
            else if (value is JsonObject inner && merged[name] is JsonObject existing)
            {
                merged[name] = Merge(existing, inner);
            }
            else
            {
                merged[name] = value.DeepClone();
            }
        }

        return merged;
    }
}
