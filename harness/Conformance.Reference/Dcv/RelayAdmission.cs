using System.Security.Cryptography;
using Conformance.Dcv.Relays;

namespace Conformance.Reference.Dcv;

/// <summary>
/// Judges one relay connection: the connecting process first (VC-05), from the kernel before a byte is read;
/// then the token, read raw as the connection's first bytes (VC-16) within the deadline (VC-06). Nothing is
/// ever written to the connection here: a refused client sees the end of the stream and no byte.
/// </summary>
public static class RelayAdmission
{
    /// <summary>Reads the token (only the token: what follows stays unread) and decides.</summary>
    public static async Task<RelayVerdict> JudgeAsync(
        RelayConnection connection, RelayTicket ticket, TimeSpan tokenDeadline, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var pid = connection.ProcessId;
        if (pid is null)
        {
            return new(RelayRefusal.UnknownProcess, null, "the platform did not tell which process opened the relay, so it cannot be the one the setup named (VC-05)");
        }

        if (pid != ticket.ProcessId)
        {
            return new(RelayRefusal.WrongProcess, pid,
                $"process {pid} opened the relay; the setup named process {ticket.ProcessId} (VC-05, VC-10)");
        }

        var token = new byte[ticket.Token.Length];
        var received = await ReadTokenAsync(connection.Stream, token, tokenDeadline, timeProvider, cancellationToken).ConfigureAwait(false);
        var seconds = tokenDeadline.TotalSeconds;
        if (received.Count == 0)
        {
            return new(RelayRefusal.NoToken, pid, received.Ended
                ? "the relay connection ended before sending any token byte (VC-06)"
                : $"no token byte arrived within {seconds:0.###} s of connecting (VC-06)");
        }

        if (received.Count < token.Length)
        {
            return new(RelayRefusal.ShortToken, pid, received.Ended
                ? $"the relay connection ended after {received.Count} of the {token.Length} token bytes (VC-06)"
                : $"{received.Count} of the {token.Length} token bytes arrived within {seconds:0.###} s of connecting (VC-06)");
        }

        if (CryptographicOperations.FixedTimeEquals(token, ticket.Token.Span))
        {
            return new(null, pid, $"process {pid} sent the token");
        }

        return ticket.EarlierTokens.Contains(Convert.ToHexString(token))
            ? new(RelayRefusal.EarlierToken, pid, "the token of an earlier setup of this channel; a token is single-use and a new setup voids it (VC-10)")
            : new(RelayRefusal.WrongToken, pid, $"the first {token.Length} bytes are not the setup's token (VC-06)");
    }

    private static async Task<(int Count, bool Ended)> ReadTokenAsync(Stream stream, byte[] token, TimeSpan deadline, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(deadline, timeProvider);
        using var both = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        var count = 0;
        try
        {
            while (count < token.Length)
            {
                var read = await stream.ReadAsync(token.AsMemory(count), both.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    return (count, true);
                }

                count += read;
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return (count, false);
        }
        catch (IOException)
        {
            return (count, true);
        }

        // Stryker disable once Boolean : the loop only leaves here with every token byte read, and then Ended is never looked at.
        return (count, false);
    }
}
