using Conformance.Engine.NamedPipes;

namespace Conformance.Tests.Engine.NamedPipes;

public class OtherAccountTests
{
    [Test]
    public void Is_nobody_entered_with_setpriv_for_root_on_Linux_and_otherwise_says_why_not()
    {
        var (account, unavailable) = OtherAccount.Find();

        if (OperatingSystem.IsLinux() && Environment.UserName == "root" && File.Exists("/usr/bin/setpriv"))
        {
            Assert.That(account?.Name, Is.EqualTo("nobody"));
            Assert.That(account!.Wrap(["id"]), Is.EqualTo(new[] { "/usr/bin/setpriv", $"--reuid={account.UserId}", $"--regid={account.GroupId}", "--clear-groups", "id" }));
        }
        else
        {
            Assert.That(account, Is.Null);
            Assert.That(unavailable, Is.Not.Empty);
        }
    }
}
