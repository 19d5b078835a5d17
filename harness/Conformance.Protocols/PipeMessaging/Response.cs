using System.Text.Json;

namespace Conformance.Protocols.PipeMessaging;

/// <summary>The service's answer to a <see cref="Request"/>: a result with success, an error with failure.</summary>
/// <param name="RequestId">The answered request's <c>requestId</c>.</param>
/// <param name="Status">Whether the command was carried out.</param>
/// <param name="Result">With <see cref="ResponseStatus.Success"/>: any JSON value (null when none); otherwise null.</param>
/// <param name="Error">With <see cref="ResponseStatus.Error"/>: what went wrong, not empty; otherwise null.</param>
public sealed record Response(Guid RequestId, ResponseStatus Status, JsonElement? Result = null, string? Error = null) : PipeMessage
{
    /// <inheritdoc />
    public override string MessageType => PipeMessageTypes.Response;

    /// <summary>A successful answer carrying <paramref name="result"/> (a JSON null when there is none).</summary>
    public static Response Success(Guid requestId, JsonElement? result = null) =>
        new(requestId, ResponseStatus.Success, result ?? JsonValues.Null);

    /// <summary>A failed answer saying what went wrong.</summary>
    public static Response Failure(Guid requestId, string error) => new(requestId, ResponseStatus.Error, null, error);

    /// <summary>Equal when every member is, the result compared by its JSON value.</summary>
    public bool Equals(Response? other) =>
        other is not null && base.Equals(other) && RequestId == other.RequestId && Status == other.Status && Error == other.Error
        && Result.HasValue == other.Result.HasValue && (Result is not { } result || JsonValues.Same(result, other.Result!.Value));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(RequestId, Status, Error);
}
