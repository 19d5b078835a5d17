using Conformance.Engine.Documentation.Site;

namespace Conformance.Tests.Engine.Documentation.Site;

public class LinkMapTests
{
    [TestCase("index.html", "requirements/LC-C03.html", "requirements/LC-C03.html")]
    [TestCase("requirements/LC-C03.html", "index.html", "../index.html")]
    [TestCase("requirements/LC-C03.html", "requirements/LC-C09.html#fix", "LC-C09.html#fix")]
    [TestCase("requirements/LC-C03.html", "requirements/LC-C03.html#fix", "#fix")]
    [TestCase("diagrams/a/b.html", "features/p/a.html#L12", "../../features/p/a.html#L12")]
    [TestCase("features/p/a.html", "features/p b/c.html", "../p%20b/c.html")]
    public void Links_each_page_to_another_relatively(string from, string to, string expected)
    {
        Assert.That(LinkMap.Relative(from, to), Is.EqualTo(expected));
    }
}
