using Conformance.Engine.Bindings;
using Conformance.Engine.Running;
using Conformance.Protocols.Transport;

namespace Conformance.Engine.NamedPipes.Steps;

/// <summary>NP-07 on Unix: the socket file's owner and mode, and the server's check of each client's account.</summary>
[Binding]
internal sealed class AccountSteps(PipeBench bench, ProbeProcess probe, ScenarioContext context)
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Everyone = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;
    private static readonly TimeSpan ProbeWait = TimeSpan.FromSeconds(5);
    private OtherAccount? _account;
    private ProbeReport? _intruder;

    [Given("a pipe with 1 instance that greets each client it admits")]
    public void GivenAGreetingPipe() => bench.Open(1, ServerBehaviour.GreetThenClose);

    [Given("a pipe with 1 instance that greets each client it admits, its socket file open to every account")]
    public void GivenAGreetingPipeOpenToAll() => bench.Open(1, ServerBehaviour.GreetThenClose, new PipeListenerOptions { SocketFileMode = Everyone });

    [Given("a pipe with 1 instance that greets each client it admits, admitting the other account too")]
    public void GivenAGreetingPipeForTheOtherAccount() =>
        bench.Open(1, ServerBehaviour.GreetThenClose, new PipeListenerOptions { AdditionalUserIds = [Account().UserId] });

    [Then("the pipe's socket file belongs to the harness's account with mode 0600")]
    public void ThenTheSocketFileIsOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new ScenarioSkippedException("a Windows pipe has no socket file");
        }

        var path = PipeName.UnixSocketPath(bench.Name);
        var mode = File.GetUnixFileMode(path);
        var owner = UnixUser.OwnerOf(path);
        var self = UnixUser.EffectiveUserId;
        context.Expect(mode == OwnerOnly && owner == self, $"the socket file owned by uid {self} with mode 0600",
            () => $"owned by uid {owner?.ToString() ?? "?"} with mode {Octal(mode)}");
        context.Transcript.Add("socket-file", new() { ["mode"] = Octal(mode), ["ownedByHarness"] = owner == self });
    }

    [When("a client running as another account tries to connect")]
    public async Task WhenAnotherAccountTries()
    {
        var account = Account();
        await probe.StartClientAsync(bench.Name, ProbeWait, account).ConfigureAwait(false);
        _intruder = await probe.ReportAsync().ConfigureAwait(false);
        if (_intruder.LineWith("connected") is null)
        {
            // The probe never got as far as the pipe: the account cannot run it here, which says nothing of the pipe.
            throw new ScenarioSkippedException($"the pipe probe could not run as {account.Name}: {_intruder}");
        }

        context.Transcript.Add("other-account-client", new()
        {
            ["connected"] = _intruder.LineWith("connected")!["connected"]?.GetValue<bool>(),
            ["refusal"] = _intruder.LineWith("refusal")?["refusal"]?.GetValue<string>(),
            ["bytes"] = _intruder.LastLineWith("bytes")?["bytes"]?.GetValue<long>() ?? 0,
        });
    }

    [Then("that client receives no byte")]
    public void ThenNoByte()
    {
        var bytes = _intruder?.LastLineWith("bytes")?["bytes"]?.GetValue<long>() ?? 0;
        context.Expect(bytes == 0, "the other account's client receives no byte", () => $"it received {bytes} bytes ({_intruder})");
    }

    [Then("that client is greeted")]
    public void ThenGreeted()
    {
        var bytes = _intruder?.LastLineWith("bytes")?["bytes"]?.GetValue<long>() ?? 0;
        context.Expect(bytes == PipeBench.Greeting.Length, "the admitted account's client receives the greeting", () => $"it received {bytes} bytes ({_intruder})");
    }

    [Then("the pipe reports the refusal, naming that account's user id")]
    public async Task ThenTheRefusalIsReported()
    {
        var uid = Account().UserId;
        await bench.RefusedAtLeastAsync(1, PipeSteps.Promptly).ConfigureAwait(false);
        var refusals = bench.Refusals;
        context.Expect(refusals.Any(refusal => refusal.Reason.Contains($"uid {uid}", StringComparison.Ordinal)), $"a refusal naming uid {uid}",
            () => refusals.Count == 0 ? "no refusal was reported" : string.Join("; ", refusals.Select(refusal => refusal.Reason)));
        context.Transcript.Add("refusal-reported", new() { ["namesTheAccount"] = refusals.Any(refusal => refusal.Reason.Contains($"uid {uid}", StringComparison.Ordinal)) });
    }

    [Then("a client of the harness's own account is then greeted")]
    public async Task ThenTheRightfulClientIsGreeted()
    {
        var client = await bench.ConnectAsync().ConfigureAwait(false);
        var greeting = await StreamReading.ReadExactlyAsync(client, PipeBench.Greeting.Length, PipeSteps.Promptly, context.Cancellation).ConfigureAwait(false);
        context.Expect(greeting.AsSpan().SequenceEqual(PipeBench.Greeting), "the rightful client greeted", () => $"it received {greeting.Length} bytes");
        context.Transcript.Add("rightful-client", new() { ["greeted"] = greeting.AsSpan().SequenceEqual(PipeBench.Greeting) });
    }

    private OtherAccount Account()
    {
        if (_account is not null)
        {
            return _account;
        }

        var (account, unavailable) = OtherAccount.Find();
        return _account = account ?? throw new ScenarioSkippedException(unavailable!);
    }

    private static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode, 8);
}
