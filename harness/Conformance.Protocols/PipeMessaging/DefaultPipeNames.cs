namespace Conformance.Protocols.PipeMessaging;

/// <summary>The suite's default pipe names (the sources name none); deployments configure their own.</summary>
public static class DefaultPipeNames
{
    /// <summary>The command pipe: one request and one response per connection.</summary>
    public const string CommandPipe = "UnifiedSDKVPNCommandPipe";

    /// <summary>The event pipe: one persistent client receiving events.</summary>
    public const string EventPipe = "UnifiedSDKVPNEventPipe";
}
