using Conformance.Dcv.Relays;

namespace Conformance.Tests.Reference.Dcv;

/// <summary>
/// A relay no client ever reaches, handed to a broker in place of a real one: it counts the broker's accepts and
/// tells when the last one is over. It may take <paramref name="lingerAfterStop"/> to notice a stop, as a slow listener would.
/// </summary>
internal sealed class FakeRelayListener(TimeSpan lingerAfterStop = default) : RelayListener
{
    private int _accepts;

    public override string RelayPath => "fake-relay";

    /// <summary>How often the broker began to accept.</summary>
    public int Accepts => Volatile.Read(ref _accepts);

    /// <summary>True once an accept the broker began is over.</summary>
    public bool AcceptEnded { get; private set; }

    public bool Disposed { get; private set; }

    public override async Task<RelayConnection> AcceptAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _accepts);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("an infinite delay ended");
        }
        catch (OperationCanceledException)
        {
            await Task.Delay(lingerAfterStop, CancellationToken.None);
            AcceptEnded = true;
            throw;
        }
    }

    public override ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}
