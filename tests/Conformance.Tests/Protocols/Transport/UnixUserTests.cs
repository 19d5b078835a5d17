using Conformance.Protocols.Transport;

namespace Conformance.Tests.Protocols.Transport;

[Platform(Include = "Linux")]
public class UnixUserTests
{
    [Test]
    public void Tells_that_a_file_this_process_made_is_owned_by_its_account()
    {
        var path = Path.GetTempFileName();
        try
        {
            Assert.That(UnixUser.OwnerOf(path), Is.EqualTo(UnixUser.EffectiveUserId));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Tells_the_owner_of_a_file_another_account_owns()
    {
        Assert.That(UnixUser.OwnerOf("/"), Is.Zero, "the root directory belongs to root");
    }

    [Test]
    public void Refuses_a_path_that_does_not_exist_naming_it()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));

        Assert.That(() => UnixUser.OwnerOf(path), Throws.TypeOf<IOException>().With.Message.Contains(path));
    }
}
