using Conformance.Dcv.Relays;
using Conformance.Dcv.Wire;
using Conformance.Engine.Timing;
using Conformance.Processes;
using Conformance.Protocols.Threading;
using Conformance.Reference.Dcv;
using static Conformance.Dcv.Wire.GetDcvInfoResponse.Types;

namespace Conformance.Engine.DcvVirtualChannels.Broker;

/// <summary>
/// One broker scenario's world: the reference broker in process, the parties the harness plays against it (an
/// extension on the server side, the remote party on the client side, and more by name), the relays they opened,
/// and any other process a setup names. Everything is ended with the scenario.
/// </summary>
internal sealed class BrokerScene : IAsyncDisposable
{
    public const string Extension = "the extension";
    public const string Remote = "the remote party";

    private readonly Dictionary<string, ControlParty> _parties = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Party, string Channel), SetupVirtualChannelResponse> _setups = [];
    private readonly Dictionary<(string Party, string Channel), Stream> _relays = [];
    private readonly List<Stream> _strayRelays = [];
    private readonly List<SupervisedProcess> _processes = [];
    private DcvBroker? _broker;

    /// <summary>The broker; started with the defaults unless a Given step chose otherwise.</summary>
    public DcvBroker Broker => _broker ??= new DcvBroker();

    /// <summary>The manual clock behind the broker's deadlines, when the scenario runs on one.</summary>
    public ManualTimeProvider? Clock { get; private set; }

    /// <summary>Starts the broker on a manual clock, with <paramref name="options"/> otherwise.</summary>
    public void StartOnManualClock(DcvBrokerOptions? options = null)
    {
        Clock = new ManualTimeProvider();
        _broker = new DcvBroker((options ?? DcvBrokerOptions.Default) with { TimeProvider = Clock });
    }

    /// <summary>Attaches a party by name: "the remote party" on the client side, any other on the server side.</summary>
    public ControlParty Attach(string name, string? @namespace)
    {
        var side = name == Remote ? DcvRole.Client : DcvRole.Server;
        var party = ControlParty.Attach(Broker, name, side, @namespace);
        _parties[name] = party;
        return party;
    }

    /// <summary>Every party attached, in no particular order.</summary>
    public IReadOnlyCollection<ControlParty> Parties => _parties.Values;

    /// <summary>The party named <paramref name="name"/>.</summary>
    public ControlParty Party(string name) =>
        _parties.TryGetValue(name, out var party) ? party : throw new InvalidOperationException($"No party called {name} is attached: a Given step must attach it.");

    /// <summary>The response a party got to its last setup of <paramref name="channel"/>.</summary>
    public SetupVirtualChannelResponse SetupOf(string party, string channel) =>
        _setups.TryGetValue((party, channel), out var setup) ? setup : throw new InvalidOperationException($"{party} has not set up \"{channel}\".");

    /// <summary>Sets a channel up and keeps the response; the status is the caller's to judge.</summary>
    public async Task<Response?> SetupAsync(string party, string channel, long? processId = null)
    {
        var response = await Party(party).SetupAsync(channel, processId).ConfigureAwait(false);
        if (response is { Status: Response.Types.Status.Success })
        {
            _setups[(party, channel)] = response.SetupVirtualChannelResponse;
        }

        return response;
    }

    /// <summary>Opens a party's relay for <paramref name="channel"/> from this process and writes <paramref name="token"/> (the setup's by default) raw.</summary>
    public async Task<Stream> ConnectAsync(string party, string channel, ReadOnlyMemory<byte>? token = null)
    {
        var setup = SetupOf(party, channel);
        var relay = await RelayClient.ConnectAsync(setup.RelayPath).WaitAsync(ControlParty.Bound).ConfigureAwait(false);
        var bytes = token ?? setup.VirtualChannelAuthToken.Memory;
        if (!bytes.IsEmpty)
        {
            try
            {
                await relay.WriteAsync(bytes).ConfigureAwait(false);
                await relay.FlushAsync().ConfigureAwait(false);
            }
            catch (IOException)
            {
                // The broker judges the process before reading a byte (VC-05): a refusal may close the relay first.
            }
        }

        if (_relays.TryGetValue((party, channel), out var earlier))
        {
            _strayRelays.Add(earlier);
        }

        _relays[(party, channel)] = relay;
        return relay;
    }

    /// <summary>The relay a party opened last for <paramref name="channel"/>.</summary>
    public Stream Relay(string party, string channel) =>
        _relays.TryGetValue((party, channel), out var relay) ? relay : throw new InvalidOperationException($"{party} has not opened the relay of \"{channel}\".");

    /// <summary>Sets the channel up from both parties, opens both relays with their tokens, and waits for both ready events.</summary>
    public async Task EstablishAsync(string channel)
    {
        foreach (var party in new[] { Extension, Remote })
        {
            var response = await SetupAsync(party, channel).ConfigureAwait(false);
            if (response is not { Status: Response.Types.Status.Success })
            {
                throw new InvalidOperationException($"{party}'s setup of \"{channel}\" was answered {response?.Status.ToString() ?? "never"}; the scenario needs it set up.");
            }

            await ConnectAsync(party, channel).ConfigureAwait(false);
        }

        foreach (var party in new[] { Extension, Remote })
        {
            if (await Party(party).NextEventAsync(ControlParty.Bound).ConfigureAwait(false) is not { VirtualChannelReadyEvent: not null })
            {
                throw new InvalidOperationException($"{party} got no ready event for \"{channel}\" within {ControlParty.Bound.TotalSeconds:0} s.");
            }
        }
    }

    /// <summary>Starts a process that only waits, so that a setup can name a process other than the harness.</summary>
    public async Task<int> StartOtherProcessAsync(CancellationToken cancellationToken)
    {
        var pipe = "dcv-other-" + Guid.NewGuid().ToString("N")[..12];
        IReadOnlyList<string> command = [.. DotnetHost.Command("conformance-pipe-probe.dll", "The pipe probe"), "server", pipe, "30000"];
        var process = await SupervisedProcess.StartAsync(new ProcessLaunch(command, Path.GetTempPath(), new Dictionary<string, string?>(), PipesItServes: [pipe]), cancellationToken).ConfigureAwait(false);
        _processes.Add(process);
        return process.ProcessId;
    }

    /// <summary>Moves the manual clock and lets the broker act on what fell due.</summary>
    public async Task AdvanceAsync(TimeSpan delta)
    {
        var clock = Clock ?? throw new InvalidOperationException("The broker runs on the real clock: a Given step must put it on a manual one.");
        await clock.AdvanceAsync(delta).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        var steps = new List<Func<ValueTask>>();
        steps.AddRange(_relays.Values.Concat(_strayRelays).Select(relay => (Func<ValueTask>)relay.DisposeAsync));
        steps.AddRange(_parties.Values.Select(party => (Func<ValueTask>)party.DisposeAsync));
        if (_broker is not null)
        {
            steps.Add(_broker.DisposeAsync);
        }

        steps.AddRange(_processes.Select(process => (Func<ValueTask>)process.DisposeAsync));
        await Cleanup.RunAllAsync([.. steps]).ConfigureAwait(false);
    }
}
