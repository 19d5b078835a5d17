using Conformance.Dcv.Relays;
using Conformance.Dcv.Wire;
using static Conformance.Dcv.Wire.Response.Types;

namespace Conformance.Reference.Dcv;

/// <summary>The broker's answers to requests (VC-02, VC-03, VC-07, VC-08, VC-09, VC-17).</summary>
public sealed partial class DcvBroker
{
    // How a setup opens its relay; a test puts a listener of its own here, or one that cannot be opened.
    internal Func<RelayListener> OpenRelay { get; init; } = RelayListener.Open;

    internal async Task<Answer> AnswerAsync(BrokerSession session, Request request)
    {
        switch (request.RequestCase)
        {
            case Request.RequestOneofCase.GetDcvInfoRequest:
                return new(Events.Response(request, Status.Success, response => response.GetDcvInfoResponse = DcvSoftware.Info(session.Party.Side)));
            case Request.RequestOneofCase.GetManifestRequest:
                return session.Party.ManifestPath is { } path
                    ? new(Events.Response(request, Status.Success, response => response.GetManifestResponse = new GetManifestResponse { ManifestPath = path }))
                    : new(Events.Response(request, Status.ErrorGeneric));
            case Request.RequestOneofCase.SetupVirtualChannelRequest:
                return await SetupAsync(session, request).ConfigureAwait(false);
            case Request.RequestOneofCase.CloseVirtualChannelRequest:
                return Close(session, request);
            default:
                // VC-17: streaming views, the cursor, and any request this broker does not know.
                return new(Events.Response(request, Status.ErrorNotImplemented));
        }
    }

    private async Task<Answer> SetupAsync(BrokerSession session, Request request)
    {
        var setup = request.SetupVirtualChannelRequest;
        var decision = DecideSetup(session, setup);
        RelayListener? listener = null;
        if (decision.IsSuccess)
        {
            try
            {
                listener = OpenRelay();
            }
            catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException or UnauthorizedAccessException)
            {
                decision = new SetupDecision(Status.ErrorGeneric, $"the relay could not be opened: {exception.Message}");
            }
        }

        ChannelEnd? end = null;
        (VirtualChannel Channel, List<ChannelEnd> Ends)? replaced = null;
        if (listener is not null)
        {
            lock (_gate)
            {
                // Decided again under the lock: another party may have moved while the relay was being opened.
                decision = DecideSetup(session, setup);
                if (decision.IsSuccess)
                {
                    (end, replaced) = CommitSetup(session, setup, listener);
                }
            }
        }

        Journal.Add(new SetupDecided(Now, session.Party.Name, setup.VirtualChannelName, decision));
        if (end is null)
        {
            if (listener is not null)
            {
                await listener.DisposeAsync().ConfigureAwait(false);
            }

            return new(Events.Response(request, decision.Status));
        }

        if (replaced is { } old)
        {
            await CloseEndsAsync(old.Channel, old.Ends, $"{session.Party.Name} set it up anew (VC-10)", except: session).ConfigureAwait(false);
        }

        var response = Events.Response(request, Status.Success, response => response.SetupVirtualChannelResponse = new SetupVirtualChannelResponse
        {
            VirtualChannelName = setup.VirtualChannelName,
            RelayPath = end.Listener.RelayPath,
            RelayServerProcessId = Environment.ProcessId,
            VirtualChannelAuthToken = Google.Protobuf.ByteString.CopyFrom(end.Ticket.Token.Span),
        });

        // VC-14: the relay is accepted only once the response is out, so no ready event can come before it.
        return new(response, () =>
        {
            Track(AcceptRelayAsync(end));
            return Task.CompletedTask;
        });
    }

    private SetupDecision DecideSetup(BrokerSession session, SetupVirtualChannelRequest setup)
    {
        lock (_gate)
        {
            // Stryker disable once String : a party without a namespace is refused every setup (VC-08), so no channel is ever keyed under its fallback and any fallback finds the same nothing
            _channels.TryGetValue((session.Party.Namespace ?? "", setup.VirtualChannelName), out var channel);
            var existing = channel?.End(session.Party.Side);
            var holds = existing?.Owner == session;
            return VirtualChannelRules.DecideSetup(session.Party.Namespace, setup, session.Held.Count, holds, existing is not null && !holds, Options);
        }
    }

    // Under the lock: the new end in its channel, and, when the party held the channel already, the old channel taken out.
    private (ChannelEnd End, (VirtualChannel, List<ChannelEnd>)? Replaced) CommitSetup(BrokerSession session, SetupVirtualChannelRequest setup, RelayListener listener)
    {
        // Stryker disable once String : only a setup decided a success is committed, and that needs a namespace (VC-08), so the fallback is never used
        var key = (session.Party.Namespace ?? "", setup.VirtualChannelName);
        (VirtualChannel, List<ChannelEnd>)? replaced = null;
        _channels.TryGetValue(key, out var channel);
        if (channel?.End(session.Party.Side) is { } held && held.Owner == session)
        {
            // VC-10: setting a held channel up again voids its relay and token; the other party must set up again too.
            replaced = (channel, DetachLocked(channel));
            channel = null;
        }

        if (channel is null)
        {
            channel = new VirtualChannel(key);
            _channels[key] = channel;
        }

        var earlier = session.EarlierTokens.TryGetValue(setup.VirtualChannelName, out var spent) ? spent.ToList() : [];
        var end = new ChannelEnd(session, setup.VirtualChannelName, new RelayTicket(setup.RelayClientProcessId, NewToken(Options.TokenBytes), earlier), listener);
        channel.SetEnd(session.Party.Side, end);
        session.Held.Add(setup.VirtualChannelName);
        return (end, replaced);
    }

    private Answer Close(BrokerSession session, Request request)
    {
        var name = request.CloseVirtualChannelRequest.VirtualChannelName;
        VirtualChannel? channel;
        List<ChannelEnd>? ends = null;
        lock (_gate)
        {
            // Stryker disable once String : a party without a namespace is refused every setup (VC-08), so no channel is ever keyed under its fallback and any fallback finds the same nothing
            _channels.TryGetValue((session.Party.Namespace ?? "", name), out channel);
            if (channel?.End(session.Party.Side)?.Owner == session)
            {
                // Out of the table at once: a relay that ends from here on cannot close it a second time.
                ends = DetachLocked(channel);
            }
        }

        if (channel is null || ends is null)
        {
            return new(Events.Response(request, Status.ErrorInvalidParameter));
        }

        // VC-09: the closer gets the response first, then the other party the closed event.
        return new(
            Events.Response(request, Status.Success, response => response.CloseVirtualChannelResponse = new CloseVirtualChannelResponse { VirtualChannelName = name }),
            () => CloseEndsAsync(channel, ends, $"{session.Party.Name} closed it (VC-09)", except: session))
        {
            EvenIfUnsent = true,
        };
    }
}
