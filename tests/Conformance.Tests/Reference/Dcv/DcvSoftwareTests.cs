using Conformance.Reference.Dcv;
using static Conformance.Dcv.Wire.GetDcvInfoResponse.Types;

namespace Conformance.Tests.Reference.Dcv;

/// <summary>What the reference broker says about itself in GetDcvInfoResponse.</summary>
public class DcvSoftwareTests
{
    [Test]
    public void Names_the_reference_server_and_client_with_the_harness_s_version_and_extension_sdk_1()
    {
        var info = DcvSoftware.Info(DcvRole.Client);
        var version = typeof(DcvSoftware).Assembly.GetName().Version!;
        var expected = ((uint)version.Major, (uint)version.Minor, (uint)Math.Max(0, version.Build));

        Assert.That(info.DcvRole, Is.EqualTo(DcvRole.Client));
        Assert.That(info.ServerInfo.Name, Is.EqualTo("Conformance reference DCV server"));
        Assert.That(info.ClientInfo.Name, Is.EqualTo("Conformance reference DCV client"));
        Assert.That((info.ServerInfo.Version.Major, info.ServerInfo.Version.Minor, info.ServerInfo.Version.Revision), Is.EqualTo(expected));
        Assert.That((info.ClientInfo.Version.Major, info.ClientInfo.Version.Minor, info.ClientInfo.Version.Revision), Is.EqualTo(expected));
        Assert.That(expected, Is.Not.EqualTo((0u, 0u, 0u)), "a version the test can tell from an empty one");
        Assert.That(info.ExtSdkVersion.Major, Is.EqualTo(1));
    }
}
