using System.Globalization;
using System.IO.Pipes;
using System.Net.Sockets;

namespace Conformance.Protocols.Transport;

/// <summary>Connects to a pipe by name the way any .NET client does, on every platform.</summary>
public static class PipeClient
{
    /// <summary>Connects to <paramref name="name"/>, retrying until <paramref name="timeout"/> passes.</summary>
    /// <exception cref="TimeoutException">No server accepted within the timeout.</exception>
    public static async Task<Stream> ConnectAsync(string name, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        PipeName.Validate(name);
        var client = new NamedPipeClientStream(".", name, PipeDirection.InOut, PipeOptions.Asynchronous);
        try
        {
            await client.ConnectAsync(timeout, cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Tries to connect exactly once, without the retries <see cref="ConnectAsync"/> makes: the way to see
    /// that a pipe refuses a client at once. Returns the stream, or null with the platform's reason.
    /// </summary>
    public static async Task<(Stream? Stream, string? Refusal)> TryConnectOnceAsync(string name, CancellationToken cancellationToken = default)
    {
        PipeName.Validate(name);
        var attempt = await AttemptAsync(name, cancellationToken).ConfigureAwait(false);
        return (attempt.Stream, attempt.Refusal);
    }

    /// <summary>Connects to <paramref name="name"/>, retrying while the pipe is busy or absent as <paramref name="policy"/> says (NP-03).</summary>
    /// <exception cref="TimeoutException">Every attempt within the policy's total wait was refused; the message says how many and the last refusal.</exception>
    /// <exception cref="UnauthorizedAccessException">The pipe does not admit this account; retrying would not help.</exception>
    /// <exception cref="IOException">The connect failed for a reason other than "busy".</exception>
    public static Task<Stream> ConnectWithRetryAsync(string name, RetryPolicy policy, CancellationToken cancellationToken = default) =>
        ConnectWithRetryAsync(name, policy, TimeProvider.System, cancellationToken);

    /// <summary>As <see cref="ConnectWithRetryAsync(string, RetryPolicy, CancellationToken)"/>, its pauses and total wait measured by <paramref name="timeProvider"/>.</summary>
    /// <exception cref="TimeoutException">Every attempt within the policy's total wait was refused; the message says how many and the last refusal.</exception>
    /// <exception cref="UnauthorizedAccessException">The pipe does not admit this account; retrying would not help.</exception>
    /// <exception cref="IOException">The connect failed for a reason other than "busy".</exception>
    public static async Task<Stream> ConnectWithRetryAsync(string name, RetryPolicy policy, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        PipeName.Validate(name);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var started = timeProvider.GetTimestamp();
        for (var attempts = 1; ; attempts++)
        {
            var attempt = await AttemptAsync(name, cancellationToken).ConfigureAwait(false);
            if (attempt.Stream is { } stream)
            {
                return stream;
            }

            if (attempt.Failure is { } failure)
            {
                throw failure;
            }

            var waited = timeProvider.GetElapsedTime(started);
            var left = policy.TotalWait - waited;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The pipe {name} refused all {attempts} connection attempts over {waited.TotalSeconds:0.0##} s; the last refusal: {attempt.Refusal}."));
            }

            var interval = policy.IntervalAfter(attempts);
            await Task.Delay(interval < left ? interval : left, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One connect: the stream, or the refusal and, when waiting cannot cure it, the exception to throw.</summary>
    private static async Task<Attempt> AttemptAsync(string name, CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows())
        {
            var client = new NamedPipeClientStream(".", name, PipeDirection.InOut, PipeOptions.Asynchronous);
            try
            {
                // A zero timeout tries once; a busy (ERROR_PIPE_BUSY) or absent pipe ends in a TimeoutException or IOException.
                await client.ConnectAsync(0, cancellationToken).ConfigureAwait(false);
                return new Attempt(client, null, null);
            }
            catch (Exception exception) when (exception is TimeoutException or IOException)
            {
                await client.DisposeAsync().ConfigureAwait(false);
                return new Attempt(null, exception.Message, null);
            }
            catch (UnauthorizedAccessException exception)
            {
                await client.DisposeAsync().ConfigureAwait(false);
                return new Attempt(null, exception.Message, exception);
            }
            catch
            {
                await client.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        var path = PipeName.UnixSocketPath(name);
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken).ConfigureAwait(false);
            return new Attempt(new NetworkStream(socket, ownsSocket: true), null, null);
        }
        catch (SocketException exception)
        {
            socket.Dispose();
            var refusal = exception.SocketErrorCode.ToString();
            return exception.SocketErrorCode switch
            {
                // The Unix forms of "busy": not listening (ECONNREFUSED), no socket yet (ENOENT), backlog full (EAGAIN).
                SocketError.ConnectionRefused or SocketError.AddressNotAvailable or SocketError.WouldBlock => new Attempt(null, refusal, null),
                SocketError.AccessDenied => new Attempt(
                    null, refusal, new UnauthorizedAccessException($"The pipe {name} does not admit this account: {path} is {refusal}.", exception)),
                _ => new Attempt(null, refusal, new IOException($"Could not connect to the pipe {name} at {path}: {refusal}.", exception)),
            };
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private sealed record Attempt(Stream? Stream, string? Refusal, Exception? Failure);
}
