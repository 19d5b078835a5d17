using System.Text.Json;

namespace Conformance.Protocols.PipeMessaging;

/// <summary>A command sent on the command pipe; one per connection (PM-C01).</summary>
/// <param name="RequestId">Identifies the request; the response carries it back.</param>
/// <param name="Command">The command's name, such as <see cref="ConformanceCommands.EmitEvent"/>.</param>
/// <param name="Parameters">The command's arguments: a JSON object.</param>
public sealed record Request(Guid RequestId, string Command, JsonElement Parameters) : PipeMessage
{
    /// <inheritdoc />
    public override string MessageType => PipeMessageTypes.Request;

    /// <summary>Equal when every member is, the parameters compared by their JSON value.</summary>
    public bool Equals(Request? other) =>
        other is not null && base.Equals(other) && RequestId == other.RequestId && Command == other.Command && JsonValues.Same(Parameters, other.Parameters);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(RequestId, Command);
}
