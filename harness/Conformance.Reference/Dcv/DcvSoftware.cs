using System.Runtime.InteropServices;
using Conformance.Dcv.Wire;

namespace Conformance.Reference.Dcv;

/// <summary>What the reference broker says about itself in <c>GetDcvInfoResponse</c>.</summary>
internal static class DcvSoftware
{
    // Stryker disable once NullCoalescing : a compiled assembly always has a version (0.0.0.0 at least); the fallback only satisfies the nullable type.
    private static readonly Version Version = typeof(DcvSoftware).Assembly.GetName().Version ?? new Version(0, 0);

    public static GetDcvInfoResponse Info(GetDcvInfoResponse.Types.DcvRole side) => new()
    {
        DcvRole = side,
        DcvProcessId = Environment.ProcessId,
        ServerInfo = Describe("Conformance reference DCV server"),
        ClientInfo = Describe("Conformance reference DCV client"),
        ExtSdkVersion = new SoftwareInfo.Types.VersionNumber { Major = 1 },
    };

    // Stryker disable once Linq : the harness is versioned 0.1.0, whose build number 0 makes Max(0, build) and Min(0, build) both 0
    private static SoftwareInfo Describe(string name) => new()
    {
        Name = name,
        Version = new SoftwareInfo.Types.VersionNumber { Major = (uint)Version.Major, Minor = (uint)Version.Minor, Revision = (uint)Math.Max(0, Version.Build) },
        Os = RuntimeInformation.OSDescription,
        Arch = RuntimeInformation.OSArchitecture.ToString(),
        Hostname = Environment.MachineName,
    };

}
