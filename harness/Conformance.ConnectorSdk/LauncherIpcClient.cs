using Conformance.Protocols.LauncherConnector;
using Conformance.Protocols.Lines;
using Conformance.Protocols.Transport;

namespace Conformance.ConnectorSdk;

/// <summary>
/// A connector's end of the Launcher pipe, shaped like the client the Launcher's SDK publishes: connect,
/// wait for the <see cref="ConnectionConfiguration"/>, then report what happens to the remote connection.
/// </summary>
/// <example>
/// <code>
/// await using var launcher = new LauncherIpcClient();
/// await launcher.ConnectToLauncherAsync();
/// var configuration = await launcher.WaitForConnectionConfigurationAsync();
/// var client = StartRemoteClient(configuration);
/// await launcher.SendRemoteConnectionWindowCreatedAsync("remote client started", client.Id);
/// await client.WaitForExitAsync();
/// await launcher.SendRemoteConnectionWindowClosedAsync("remote client exited");
/// </code>
/// </example>
public sealed class LauncherIpcClient : IAsyncDisposable
{
    /// <summary>The environment variable in which the Launcher names the pipe.</summary>
    public const string PipeNameVariable = "VSI_IPC_PIPE_NAME";

    /// <summary>The longest message the appliance keeps for a custom event, in characters (LC-C14).</summary>
    public const int MaxMessageLength = 4096;

    private readonly LauncherIpcClientOptions _options;
    private readonly TaskCompletionSource _launcherClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Stream? _pipe;
    private LineReader? _reader;
    private LineWriter? _writer;
    private ConnectionConfiguration? _configuration;

    /// <summary>Creates a client; nothing is connected until <see cref="ConnectToLauncherAsync"/>.</summary>
    public LauncherIpcClient(LauncherIpcClientOptions? options = null)
    {
        _options = options ?? new LauncherIpcClientOptions();
        PipeName = _options.PipeName ?? Environment.GetEnvironmentVariable(PipeNameVariable);
    }

    /// <summary>The pipe this client connects to; null when the Launcher gave none (a legacy Launcher).</summary>
    public string? PipeName { get; }

    /// <summary>True once connected and until disposed.</summary>
    public bool IsConnected => _pipe is not null;

    /// <summary>Completes when the Launcher closes the pipe, for example because the session was aborted.</summary>
    public Task LauncherClosed => _launcherClosed.Task;

    /// <summary>Connects to the Launcher's pipe.</summary>
    /// <exception cref="InvalidOperationException">No pipe name was given, or the client is already connected.</exception>
    /// <exception cref="TimeoutException">The Launcher did not accept within <see cref="LauncherIpcClientOptions.ConnectTimeout"/>.</exception>
    public async Task ConnectToLauncherAsync(CancellationToken cancellationToken = default)
    {
        if (PipeName is null)
        {
            throw new InvalidOperationException($"No pipe to connect to: the environment variable {PipeNameVariable} is not set.");
        }

        if (_pipe is not null)
        {
            throw new InvalidOperationException("The client is already connected.");
        }

        _pipe = await PipeClient.ConnectAsync(PipeName, _options.ConnectTimeout, cancellationToken).ConfigureAwait(false);
        _reader = new LineReader(_pipe, _options.MaxLineBytes);
        _writer = new LineWriter(_pipe);
    }

    /// <summary>Waits for the Launcher's first line and returns it; later calls return the same configuration.</summary>
    /// <exception cref="InvalidOperationException">Not connected.</exception>
    /// <exception cref="EndOfStreamException">The Launcher closed the pipe before sending it.</exception>
    /// <exception cref="InvalidDataException">The first line is not a configuration.</exception>
    public async Task<ConnectionConfiguration> WaitForConnectionConfigurationAsync(CancellationToken cancellationToken = default)
    {
        if (_configuration is not null)
        {
            return _configuration;
        }

        var reader = _reader ?? throw new InvalidOperationException("Connect to the Launcher first.");
        var line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new EndOfStreamException("The Launcher closed the pipe before sending the connection configuration.");
        if (line.Text is null || line.Has(LineDefect.Unterminated))
        {
            throw new InvalidDataException($"The Launcher's first line is not readable: {string.Join(", ", line.Defects)}.");
        }

        try
        {
            _configuration = ConnectionConfiguration.Parse(line.Text);
        }
        catch (System.Text.Json.JsonException exception)
        {
            throw new InvalidDataException($"The Launcher's first line is not a connection configuration: {exception.Message}", exception);
        }

        _ = WatchForCloseAsync(reader);
        return _configuration;
    }

    /// <summary>Posts a custom user-session event with <paramref name="message"/>.</summary>
    /// <param name="message">Non-empty; cut to <see cref="MaxMessageLength"/> characters.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public Task SendCustomEventAsync(string message, CancellationToken cancellationToken = default) =>
        SendAsync(new CustomConnectorEvent(CustomConnectorEventType.Custom, Bounded(message)), cancellationToken);

    /// <summary>Reports that the remote client's window exists.</summary>
    /// <param name="message">Detail for the Launcher's log.</param>
    /// <param name="processId">The window's process, which the Launcher then tracks; null when unknown.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public Task SendRemoteConnectionWindowCreatedAsync(string message, int? processId = null, CancellationToken cancellationToken = default) =>
        SendAsync(new CustomConnectorEvent(CustomConnectorEventType.RemoteConnectionWindowCreated, message, processId), cancellationToken);

    /// <summary>Reports that the remote client has gone; send nothing but custom events afterwards.</summary>
    public Task SendRemoteConnectionWindowClosedAsync(string message, CancellationToken cancellationToken = default) =>
        SendAsync(new CustomConnectorEvent(CustomConnectorEventType.RemoteConnectionWindowClosed, message), cancellationToken);

    /// <summary>Reports that the connection could not be made; the session fails at once.</summary>
    /// <param name="message">Non-empty; cut to <see cref="MaxMessageLength"/> characters. Never put a credential in it.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public Task SendRemoteConnectionFailureAsync(string message, CancellationToken cancellationToken = default) =>
        SendAsync(new CustomConnectorEvent(CustomConnectorEventType.RemoteConnectionFailure, Bounded(message)), cancellationToken);

    /// <summary>Closes the pipe.</summary>
    public async ValueTask DisposeAsync()
    {
        _writer?.Dispose();
        if (_pipe is not null)
        {
            await _pipe.DisposeAsync().ConfigureAwait(false);
        }

        _pipe = null;
    }

    private async Task SendAsync(CustomConnectorEvent connectorEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connectorEvent.Message, "message");
        var writer = _writer ?? throw new InvalidOperationException("Connect to the Launcher first.");
        await writer.WriteLineAsync(connectorEvent.ToJsonLine(), cancellationToken).ConfigureAwait(false);
    }

    private static string Bounded(string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(message);
        return message.Length <= MaxMessageLength ? message : message[..MaxMessageLength];
    }

    private async Task WatchForCloseAsync(LineReader reader)
    {
        try
        {
            // The Launcher sends nothing after the configuration; reading only tells when it hangs up.
            while (await reader.ReadLineAsync().ConfigureAwait(false) is not null)
            {
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            // A broken pipe is a closed pipe.
        }

        _launcherClosed.TrySetResult();
    }
}
