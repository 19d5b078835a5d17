using System.Text.Json.Nodes;

namespace Conformance.Engine.LauncherConnector.Connector;

/// <summary>
/// The configuration a scenario's Given steps chose, by kind: what makes two sessions the same. Each run
/// builds it afresh (a new session id), from the target's defaults and manifest.
/// </summary>
internal sealed record ConfigurationChoice
{
    private readonly bool _failing;
    private readonly UnusualConfiguration? _unusual;

    private ConfigurationChoice(string name, bool failing, UnusualConfiguration? unusual)
    {
        Name = name;
        _failing = failing;
        _unusual = unusual;
    }

    /// <summary>A configuration the connector can launch.</summary>
    public static ConfigurationChoice Launchable { get; } = new("launchable configuration", false, null);

    /// <summary>A configuration the connector cannot launch (LC-C08).</summary>
    public static ConfigurationChoice Failing { get; } = new("failing configuration", true, null);

    /// <summary>What it is, in the feature's words.</summary>
    public string Name { get; }


    /// <summary>A launchable configuration changed as LC-C12's <paramref name="variant"/> says.</summary>
    public static ConfigurationChoice With(UnusualConfiguration variant) => variant switch
    {
        UnusualConfiguration.UnknownExtraMembers => new("launchable configuration with unknown extra members", false, variant),
        UnusualConfiguration.NonAsciiText => new("launchable configuration with non-ASCII text", false, variant),
        UnusualConfiguration.EmptyDictionaries => new("launchable configuration with empty dictionaries", false, variant),
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, null),
    };

    /// <summary>The configuration for one run, with a fresh session id.</summary>
    public JsonObject Build(ConnectorTarget target)
    {
        var sessionId = Guid.NewGuid();
        return _unusual is { } variant ? ConfigurationFactory.Unusual(target, sessionId, variant)
            : _failing ? ConfigurationFactory.Failing(target, sessionId)
            : ConfigurationFactory.Launchable(target, sessionId);
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
