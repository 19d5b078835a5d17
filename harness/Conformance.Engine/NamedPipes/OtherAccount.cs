namespace Conformance.Engine.NamedPipes;

/// <summary>
/// A second, unprivileged account to play an intruder (NP-07): <c>nobody</c>, entered with <c>setpriv</c>. Only
/// root can become another account, so elsewhere the scenarios that need one are skipped, saying why.
/// </summary>
internal sealed record OtherAccount(string Name, uint UserId, uint GroupId)
{
    private const string Setpriv = "/usr/bin/setpriv";

    /// <summary>The account, or why none can be used on this machine.</summary>
    public static (OtherAccount? Account, string? Unavailable) Find()
    {
        if (!OperatingSystem.IsLinux())
        {
            return (null, "running a client as another account is implemented for Linux only");
        }

        if (Environment.UserName != "root")
        {
            return (null, $"only root can run a client as another account; the harness runs as {Environment.UserName}");
        }

        if (!File.Exists(Setpriv))
        {
            return (null, $"{Setpriv} (util-linux) is needed to run a client as another account");
        }

        // passwd lines: name:password:uid:gid:gecos:home:shell
        var nobody = File.ReadLines("/etc/passwd").Select(line => line.Split(':')).FirstOrDefault(fields => fields.Length >= 4 && fields[0] == "nobody");
        return nobody is not null && uint.TryParse(nobody[2], out var uid) && uint.TryParse(nobody[3], out var gid)
            ? (new OtherAccount("nobody", uid, gid), null)
            : (null, "this machine has no account named nobody to run a client as");
    }

    /// <summary><paramref name="command"/> run as this account, with no supplementary groups.</summary>
    public IReadOnlyList<string> Wrap(IReadOnlyList<string> command) =>
        [Setpriv, $"--reuid={UserId}", $"--regid={GroupId}", "--clear-groups", .. command];
}
