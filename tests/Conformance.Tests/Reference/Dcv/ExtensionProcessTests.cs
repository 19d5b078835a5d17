using Conformance.Reference.Dcv;

namespace Conformance.Tests.Reference.Dcv;

/// <summary>An extension the broker started, ended by the broker when its session breaks the protocol (VC-01).</summary>
public class ExtensionProcessTests
{
    [Test]
    public async Task Ends_an_extension_that_broke_the_protocol_and_then_went_quiet()
    {
        using var manifest = new ManifestFolder("quiet", "conformance");
        await using var broker = new DcvBroker();

        // A length header with its top bit set, then nothing: it would sleep on, with its output still open, were it not ended.
        var extension = await broker.StartExtensionAsync(new ExtensionLaunch(manifest.ManifestPath, Command: ["/bin/sh", "-c", "printf '\\377\\377\\377\\377'; exec sleep 60"]));

        var end = await extension.Session.Ended.WaitAsync(ScriptedParty.Bound);
        Assert.That(end.Reason, Is.EqualTo(SessionEndReason.MalformedFrame));

        // Its sleep holds standard error open for a minute: it ends sooner only when the broker ends the tree.
        Assert.That(async () => await extension.Process.StandardError.Completion.WaitAsync(ScriptedParty.Bound), Throws.Nothing, "the broker ended it");
        Assert.That(extension.EndedForViolation, Is.True);
        await extension.DisposeAsync();
    }
}
