using Conformance.Protocols.Transport;

namespace Conformance.Tests.Reference.PipeMessaging;

/// <summary>
/// A listener whose accepts the test scripts: each step either fails with the exception given or hands out a
/// connection on the stream given; once the script is done, an accept waits until it is cancelled.
/// </summary>
internal sealed class ScriptedListener(params object[] steps) : PipeListener
{
    private readonly Queue<object> _steps = new(steps);

    public override string Name => "scripted";

    public override int InstancesInUse => 0;

    public override bool IsListening => true;

    public override async Task<PipeConnection> AcceptAsync(CancellationToken cancellationToken)
    {
        if (!_steps.TryDequeue(out var step))
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return step switch
        {
            Exception failure => throw failure,
            Stream stream => new PipeConnection(stream, new PipeClientIdentity(null, null), "scripted"),
            _ => throw new InvalidOperationException($"not a step: {step}"),
        };
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
