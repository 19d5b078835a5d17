using System.IO.Pipelines;
using Conformance.Dcv.Wire;
using Conformance.DcvExtensionSdk;
using Conformance.Reference.Dcv;

namespace Conformance.Tests.DcvExtensionSdk;

/// <summary>The extension client library attached to a broker in process, over a pair of pipes instead of stdin and stdout.</summary>
internal sealed class InProcessExtension : IAsyncDisposable
{
    private InProcessExtension(BrokerSession session, DcvExtensionClient client)
    {
        Session = session;
        Client = client;
    }

    public BrokerSession Session { get; }

    public DcvExtensionClient Client { get; }

    public static InProcessExtension Attach(
        DcvBroker broker, GetDcvInfoResponse.Types.DcvRole side = GetDcvInfoResponse.Types.DcvRole.Server, string @namespace = "conformance", string name = "sdk")
    {
        var toBroker = new Pipe();
        var fromBroker = new Pipe();
        var session = broker.Attach(new BrokerParty(name, side, @namespace, "/opt/sdk/manifest.json"), toBroker.Reader, fromBroker.Writer);
        var client = new DcvExtensionClient(fromBroker.Reader, toBroker.Writer);
        return new InProcessExtension(session, client);
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Session.DisposeAsync();
    }
}
