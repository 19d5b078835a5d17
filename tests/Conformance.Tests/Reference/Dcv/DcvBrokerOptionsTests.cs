using Conformance.Dcv.Framing;
using Conformance.Reference.Dcv;

namespace Conformance.Tests.Reference.Dcv;

/// <summary>The broker's defaults are the catalog's.</summary>
public class DcvBrokerOptionsTests
{
    [Test]
    public void Defaults_to_the_catalog_s_timings_limits_and_reserved_namespace()
    {
        // A fresh instance: Default is built once per process, before any one test can look at how it was built.
        var options = new DcvBrokerOptions();

        Assert.That(options.TokenDeadline, Is.EqualTo(TimeSpan.FromSeconds(5)), "VC-06");
        Assert.That(options.MaxChannelsPerExtension, Is.EqualTo(4), "VC-07");
        Assert.That(options.ReservedNamespace, Is.EqualTo("dcv"), "VC-08");
        Assert.That(options.ControlFrames, Is.EqualTo(ControlFraming.Default));
        Assert.That(options.ControlWriteDeadline, Is.EqualTo(TimeSpan.FromSeconds(10)));
        Assert.That(options.ExitDeadline, Is.EqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(options.TokenBytes, Is.EqualTo(32));
        Assert.That(options.TimeProvider, Is.SameAs(TimeProvider.System));
        Assert.That(DcvBrokerOptions.Default, Is.EqualTo(options));
    }
}
