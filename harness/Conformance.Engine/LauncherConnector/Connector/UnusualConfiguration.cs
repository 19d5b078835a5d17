namespace Conformance.Engine.LauncherConnector.Connector;

/// <summary>LC-C12's variants of a launchable configuration.</summary>
internal enum UnusualConfiguration
{
    /// <summary>Members the connector cannot know.</summary>
    UnknownExtraMembers,

    /// <summary>Non-ASCII text in every free-text member.</summary>
    NonAsciiText,

    /// <summary>Both dictionaries empty.</summary>
    EmptyDictionaries,
}
