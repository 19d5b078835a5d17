using Conformance.Protocols.PipeMessaging;

namespace Conformance.Reference.PipeMessaging;

/// <summary>
/// What the reference command-pipe servers do with a request: <c>Conformance.Echo</c> answers its parameters,
/// <c>Conformance.EmitEvent</c> emits an event where there is an event pipe, and anything else is an Error
/// naming the command — still a Response, as PM-C01 asks.
/// </summary>
public static class CommandHandler
{
    /// <summary>The command the harness probes servers with: it answers Success with the request's parameters.</summary>
    public const string Echo = "Conformance.Echo";

    /// <summary>A handler for a server without an event pipe.</summary>
    public static Func<Request, Response> Standalone { get; } = request => Handle(request, null);

    /// <summary>A handler for the command pipe of <paramref name="service"/>: EmitEvent emits on its event pipe.</summary>
    public static Func<Request, Response> For(EventPipeService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return request => Handle(request, service);
    }

    private static Response Handle(Request request, EventPipeService? service) => request.Command switch
    {
        Echo => Response.Success(request.RequestId, request.Parameters),
        ConformanceCommands.EmitEvent when service is not null => service.HandleEmitEvent(request),
        ConformanceCommands.EmitEvent => Response.Failure(request.RequestId, "this server has no event pipe to emit on"),
        _ => Response.Failure(request.RequestId, $"unknown command \"{request.Command}\""),
    };
}
