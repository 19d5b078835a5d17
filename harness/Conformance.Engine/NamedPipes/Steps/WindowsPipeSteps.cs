using System.IO.Pipes;
using System.Runtime.Versioning;
using System.Security.AccessControl;
using System.Security.Principal;
using Conformance.Engine.Bindings;
using Conformance.Engine.Running;
using Conformance.Protocols.Transport;

namespace Conformance.Engine.NamedPipes.Steps;

/// <summary>
/// The rules only Windows pipes can show (NP-03's error 231, NP-05 to NP-08 and NP-10's case rule): run on
/// Windows, reported skipped elsewhere. They use the system's pipes directly where the project's transport
/// has no setting for them (one-way pipes), and the project's listener where it has.
/// </summary>
[Binding]
[SupportedOSPlatform("windows")]
internal sealed class WindowsPipeSteps(PipeBench bench, ScenarioContext context) : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];
    private string? _oneWayPipe;
    private NamedPipeServerStream? _firstInstance;
    private PipeDirection _serverDirection;
    private int _openError;
    private Exception? _refused;
    private string? _impersonationRefusal;
    private bool _actedBeforeReading;
    private string? _actedAs;

    [When("another client opens the pipe directly")]
    public void WhenOpenedDirectly() => _openError = WindowsPipeOpen.ErrorOf(bench.Name);

    [Then("the system answers error 231, all pipe instances are busy")]
    public void ThenBusy() =>
        context.Expect(_openError == WindowsPipeOpen.ErrorPipeBusy, "error 231 (ERROR_PIPE_BUSY)", () => _openError == 0 ? "the pipe opened" : $"error {_openError}");

    [Given("an inbound-only pipe: the client writes, the server reads")]
    public void GivenInbound() => CreateOneWay(PipeDirection.In);

    [Given("an outbound-only pipe: the server writes, the client reads")]
    public void GivenOutbound() => CreateOneWay(PipeDirection.Out);

    [When("a client opens it for reading and writing")]
    public async Task WhenOpenedBothWays() => _refused = await TryClientAsync(PipeDirection.InOut).ConfigureAwait(false);

    [Then("the system refuses the client access")]
    public void ThenAccessRefused() =>
        context.Expect(_refused is UnauthorizedAccessException, "the client refused access", () => _refused is null ? "it connected" : $"{_refused.GetType().Name}: {_refused.Message}");

    [Then("a client that opens it for writing only can write to the server")]
    public async Task ThenAWriterWrites()
    {
        var (server, client) = await ConnectOneWayAsync(PipeDirection.Out).ConfigureAwait(false);
        await client.WriteAsync("ok"u8.ToArray(), context.Cancellation).ConfigureAwait(false);
        await client.FlushAsync(context.Cancellation).ConfigureAwait(false);
        var read = await StreamReading.ReadExactlyAsync(server, 2, PipeSteps.Promptly, context.Cancellation).ConfigureAwait(false);
        context.Expect(read.AsSpan().SequenceEqual("ok"u8), "the server reads what the write-only client wrote", () => $"it read {read.Length} bytes");
    }

    [Then("a client that opens it for reading only can read from the server")]
    public async Task ThenAReaderReads()
    {
        var (server, client) = await ConnectOneWayAsync(PipeDirection.In).ConfigureAwait(false);
        await server.WriteAsync("ok"u8.ToArray(), context.Cancellation).ConfigureAwait(false);
        await server.FlushAsync(context.Cancellation).ConfigureAwait(false);
        var read = await StreamReading.ReadExactlyAsync(client, 2, PipeSteps.Promptly, context.Cancellation).ConfigureAwait(false);
        context.Expect(read.AsSpan().SequenceEqual("ok"u8), "the read-only client reads what the server wrote", () => $"it read {read.Length} bytes");
    }

    [When("the server creates a second instance that reads and writes")]
    public void WhenASecondInstanceOtherWay() => _refused = TryCreate(PipeDirection.InOut, 2);

    [Given("a pipe whose maximum is 2 instances, both created")]
    public void GivenTwoOfTwo()
    {
        _oneWayPipe = PipeName.NewUnique("np");
        context.Transcript.RegisterPipeName(_oneWayPipe);
        _serverDirection = PipeDirection.InOut;
        Own(new NamedPipeServerStream(_oneWayPipe, PipeDirection.InOut, 2, PipeTransmissionMode.Byte, PipeOptions.Asynchronous));
        Own(new NamedPipeServerStream(_oneWayPipe, PipeDirection.InOut, 2, PipeTransmissionMode.Byte, PipeOptions.Asynchronous));
    }

    [When("the server creates a third instance")]
    public void WhenAThirdInstance() => _refused = TryCreate(PipeDirection.InOut, 2);

    [Then("the system refuses to create that instance")]
    public void ThenCreationRefused() =>
        context.Expect(_refused is IOException or UnauthorizedAccessException, "the instance refused by the system", () => _refused is null ? "it was created" : $"{_refused.GetType().Name}: {_refused.Message}");

    [Then("the pipe's access list denies the NETWORK group every access")]
    public async Task ThenNetworkDenied()
    {
        var rules = await RulesAsync().ConfigureAwait(false);
        var network = new SecurityIdentifier(WellKnownSidType.NetworkSid, null);
        var denied = rules.Any(rule => rule.AccessControlType == AccessControlType.Deny && rule.IdentityReference == network && rule.PipeAccessRights.HasFlag(PipeAccessRights.FullControl));
        context.Expect(denied, "a rule denying NETWORK full control", () => Describe(rules));
    }

    [Then("the pipe's access list allows the harness's account and no other")]
    public async Task ThenOnlyTheOwnerAllowed()
    {
        var rules = await RulesAsync().ConfigureAwait(false);
        var self = WindowsIdentity.GetCurrent().User;
        var allowed = rules.Where(rule => rule.AccessControlType == AccessControlType.Allow).Select(rule => rule.IdentityReference).Distinct().ToList();
        context.Expect(allowed.Count == 1 && allowed[0] == self, $"only {self} allowed", () => Describe(rules));
    }

    [When("a client connects through this machine's network name rather than \"\\.\"")]
    public async Task WhenARemoteClientConnects()
    {
        var client = new NamedPipeClientStream(Environment.MachineName, bench.Name, PipeDirection.InOut, PipeOptions.Asynchronous);
        try
        {
            await client.ConnectAsync(PipeSteps.Promptly, context.Cancellation).ConfigureAwait(false);
            Own(client);
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or IOException or TimeoutException)
        {
            _refused = exception;
            await client.DisposeAsync().ConfigureAwait(false);
        }
    }

    [Then("that client is refused and the server accepts nobody")]
    public void ThenTheRemoteClientIsRefused() =>
        context.Expect(_refused is not null && bench.Accepted.Count == 0, "the network client refused, no client accepted",
            () => $"refused: {_refused?.Message ?? "no"}; accepted: {bench.Accepted.Count}");

    [When("the server tries to act as its client before reading from it")]
    public void WhenImpersonatingEarly() =>
        _impersonationRefusal = PipeImpersonation.TryRunAsClient(bench.Accepted[0], () => _actedBeforeReading = true);

    [Then("the system refuses the impersonation")]
    public void ThenImpersonationRefused() =>
        context.Expect(_impersonationRefusal is not null, "the impersonation refused before anything was read", () => "it was allowed");

    [Then("the server turns the request down without acting on it")]
    public void ThenNotActedOn() =>
        context.Expect(!_actedBeforeReading, "nothing done as the client after a refused impersonation", () => "the action ran");

    [When("the server reads it and then acts as its client")]
    public async Task WhenImpersonatingAfterReading()
    {
        await StreamReading.ReadExactlyAsync(bench.Accepted[0].Stream, 5, PipeSteps.Promptly, context.Cancellation).ConfigureAwait(false);
        _impersonationRefusal = PipeImpersonation.TryRunAsClient(bench.Accepted[0], () => _actedAs = WindowsIdentity.GetCurrent().User?.Value);
    }

    [Then("while acting as the client the server runs as the client's account")]
    public void ThenActedAsTheClient()
    {
        var client = WindowsIdentity.GetCurrent().User?.Value;
        context.Expect(_impersonationRefusal is null && _actedAs == client, $"the action ran as {client}",
            () => _impersonationRefusal is not null ? $"refused: {_impersonationRefusal}" : $"it ran as {_actedAs}");
    }

    [When("a client connects to the pipe's name written in upper case")]
    public Task WhenConnectingInUpperCase() => bench.ConnectAsync(name: bench.Name.ToUpperInvariant());

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void CreateOneWay(PipeDirection direction)
    {
        _oneWayPipe = PipeName.NewUnique("np");
        _serverDirection = direction;
        context.Transcript.RegisterPipeName(_oneWayPipe);
        _firstInstance = new NamedPipeServerStream(_oneWayPipe, direction, 2, PipeTransmissionMode.Byte, PipeOptions.Asynchronous);
        Own(_firstInstance);
    }

    private Exception? TryCreate(PipeDirection direction, int maxInstances)
    {
        try
        {
            Own(new NamedPipeServerStream(_oneWayPipe!, direction, maxInstances, PipeTransmissionMode.Byte, PipeOptions.Asynchronous));
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return exception;
        }
    }

    private async Task<Exception?> TryClientAsync(PipeDirection direction)
    {
        var client = new NamedPipeClientStream(".", _oneWayPipe!, direction, PipeOptions.Asynchronous);
        try
        {
            await client.ConnectAsync(PipeSteps.Promptly, context.Cancellation).ConfigureAwait(false);
            Own(client);
            return null;
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or IOException or TimeoutException)
        {
            await client.DisposeAsync().ConfigureAwait(false);
            return exception;
        }
    }

    private async Task<(Stream Server, Stream Client)> ConnectOneWayAsync(PipeDirection clientDirection)
    {
        // The refused client never took the first instance: it is still free for this one.
        var server = _firstInstance!;
        var waiting = server.WaitForConnectionAsync(context.Cancellation);
        var client = new NamedPipeClientStream(".", _oneWayPipe!, clientDirection, PipeOptions.Asynchronous);
        Own(client);
        await client.ConnectAsync(PipeSteps.Promptly, context.Cancellation).ConfigureAwait(false);
        await waiting.WaitAsync(PipeSteps.Promptly, context.Cancellation).ConfigureAwait(false);
        return (server, client);
    }

    private async Task<List<PipeAccessRule>> RulesAsync()
    {
        // A client's handle reads the pipe's security descriptor; it takes the pipe's one instance for the scenario.
        var client = await bench.ConnectAsync().ConfigureAwait(false);
        var security = ((NamedPipeClientStream)client).GetAccessControl();
        return [.. security.GetAccessRules(includeExplicit: true, includeInherited: true, typeof(SecurityIdentifier)).Cast<PipeAccessRule>()];
    }

    private static string Describe(IEnumerable<PipeAccessRule> rules) =>
        "rules: " + string.Join("; ", rules.Select(rule => $"{rule.AccessControlType} {rule.IdentityReference} {rule.PipeAccessRights}"));

    private void Own(IAsyncDisposable disposable) => _owned.Add(disposable);
}
