using Conformance.Engine.Documentation;

namespace Conformance.Tests.Engine.Documentation;

/// <summary>docs writes only into a new or empty folder, or over a site it wrote before, and never removes what it did not write.</summary>
public class SiteFolderTests
{
    [Test]
    public void Refuses_a_folder_that_holds_other_files()
    {
        var folder = Directory.CreateTempSubdirectory("site").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "thesis.txt"), "mine");

            Assert.That(SiteFolder.Problem(folder), Does.Contain("is not empty"));
            Assert.Throws<InvalidOperationException>(() => SiteFolder.Write(folder, new Dictionary<string, string> { ["index.html"] = "x" }));
            Assert.That(File.ReadAllText(Path.Combine(folder, "thesis.txt")), Is.EqualTo("mine"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Replaces_the_site_it_wrote_before_and_keeps_what_it_did_not_write()
    {
        var folder = Path.Combine(Directory.CreateTempSubdirectory("site").FullName, "out");
        try
        {
            SiteFolder.Write(folder, new Dictionary<string, string> { ["index.html"] = "one", ["old/gone.html"] = "x" });
            File.WriteAllText(Path.Combine(folder, "notes.txt"), "added by hand");

            Assert.That(SiteFolder.Problem(folder), Is.Null);
            SiteFolder.Write(folder, new Dictionary<string, string> { ["index.html"] = "two", ["new/page.html"] = "y" });

            Assert.That(File.ReadAllText(Path.Combine(folder, "index.html")), Is.EqualTo("two"));
            Assert.That(Directory.Exists(Path.Combine(folder, "old")), Is.False, "a page no longer built goes, with its emptied folder");
            Assert.That(File.ReadAllText(Path.Combine(folder, "notes.txt")), Is.EqualTo("added by hand"));
            Assert.That(File.ReadAllLines(Path.Combine(folder, SiteFolder.Marker)), Does.Contain("new/page.html").And.Not.Contain("old/gone.html"));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    [Test]
    public void Refuses_a_file()
    {
        var file = Path.GetTempFileName();
        try
        {
            Assert.That(SiteFolder.Problem(file), Does.Contain("is a file"));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
