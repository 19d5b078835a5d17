using Conformance.Dcv.Wire;
using Conformance.Reference.Dcv;
using Status = Conformance.Dcv.Wire.Response.Types.Status;

namespace Conformance.Tests.Reference.Dcv;

/// <summary>The setup decision's boundaries and the sentences that name the rule behind each answer.</summary>
public class VirtualChannelRulesTests
{
    private static SetupVirtualChannelRequest Request(string name = "chat", long pid = 42) =>
        new() { VirtualChannelName = name, RelayClientProcessId = pid };

    [Test]
    public void Refuses_to_decide_without_a_request_or_options()
    {
        Assert.Throws<ArgumentNullException>(() => VirtualChannelRules.DecideSetup("ns", null!, 0, false, false, DcvBrokerOptions.Default));
        Assert.Throws<ArgumentNullException>(() => VirtualChannelRules.DecideSetup("ns", Request(), 0, false, false, null!));
    }

    [Test]
    public void Names_the_missing_namespace_and_the_missing_channel_name()
    {
        var noNamespace = VirtualChannelRules.DecideSetup(" ", Request(), 0, false, false, DcvBrokerOptions.Default);
        var noName = VirtualChannelRules.DecideSetup("ns", Request(name: ""), 0, false, false, DcvBrokerOptions.Default);

        Assert.That(noNamespace.Reason, Is.EqualTo("the extension's manifest names no virtual_channel_namespace (VC-08)"));
        Assert.That(noName.Reason, Is.EqualTo("the request names no virtual channel"));
    }

    [Test]
    public void Takes_any_positive_32_bit_process_id_and_refuses_one_beyond_it_naming_the_id()
    {
        var largest = VirtualChannelRules.DecideSetup("ns", Request(pid: int.MaxValue), 0, false, false, DcvBrokerOptions.Default);
        var beyond = VirtualChannelRules.DecideSetup("ns", Request(pid: int.MaxValue + 1L), 0, false, false, DcvBrokerOptions.Default);
        var first = VirtualChannelRules.DecideSetup("ns", Request(pid: 1), 0, false, false, DcvBrokerOptions.Default);

        Assert.That(largest.IsSuccess, largest.Reason);
        Assert.That(first.IsSuccess, first.Reason);
        Assert.That(beyond.Status, Is.EqualTo(Status.ErrorInvalidParameter));
        Assert.That(beyond.Reason, Is.EqualTo("relay_client_process_id 2147483648 is not a process id (VC-15)"));
    }

    [Test]
    public void Says_which_channel_another_extension_holds()
    {
        var decision = VirtualChannelRules.DecideSetup("ns", Request(), 0, false, heldByAnotherParty: true, DcvBrokerOptions.Default);

        Assert.That(decision.Status, Is.EqualTo(Status.ErrorAccessDenied));
        Assert.That(decision.Reason, Is.EqualTo("the channel \"chat\" is held by another extension on this side"));
    }

    [Test]
    public void Tells_a_first_setup_from_a_setup_anew_that_voids_the_earlier_relay()
    {
        var first = VirtualChannelRules.DecideSetup("ns", Request(), 0, holdsThisChannel: false, false, DcvBrokerOptions.Default);
        var anew = VirtualChannelRules.DecideSetup("ns", Request(), 1, holdsThisChannel: true, false, DcvBrokerOptions.Default);

        Assert.That(first.Reason, Is.EqualTo("the channel \"chat\" is set up (VC-03)"));
        Assert.That(anew.Reason, Is.EqualTo("the channel \"chat\" is set up anew; its earlier relay and token are void (VC-10)"));
        Assert.That(anew.IsSuccess);
    }

    [Test]
    public void Reserves_the_dcv_namespace_by_default_whatever_its_case()
    {
        Assert.That(DcvBrokerOptions.Default.ReservedNamespace, Is.EqualTo("dcv"));
        Assert.That(VirtualChannelRules.DecideSetup("DCV", Request(), 0, false, false, DcvBrokerOptions.Default).Status,
            Is.EqualTo(Status.ErrorInvalidVirtualChannelNamespaceInManifest));
    }

    [Test]
    public void Describes_the_reference_software_by_side_and_assembly_version()
    {
        var version = typeof(VirtualChannelRules).Assembly.GetName().Version!;

        var info = DcvSoftware.Info(GetDcvInfoResponse.Types.DcvRole.Client);

        Assert.That(info.DcvRole, Is.EqualTo(GetDcvInfoResponse.Types.DcvRole.Client));
        Assert.That(info.ServerInfo.Name, Is.EqualTo("Conformance reference DCV server"));
        Assert.That(info.ClientInfo.Name, Is.EqualTo("Conformance reference DCV client"));
        Assert.That(info.ExtSdkVersion.Major, Is.EqualTo(1));
        Assert.That((info.ServerInfo.Version.Major, info.ServerInfo.Version.Minor), Is.EqualTo(((uint)version.Major, (uint)version.Minor)));
        Assert.That(version.Minor + version.Major, Is.GreaterThan(0), "a version of 0.0 could not tell the fields from unset ones");
    }
}
