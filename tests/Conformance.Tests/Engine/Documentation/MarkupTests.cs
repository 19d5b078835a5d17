using Conformance.Engine.Documentation;

namespace Conformance.Tests.Engine.Documentation;

public class MarkupTests
{
    [Test]
    public void Escapes_the_five_characters_that_matter_in_content_and_attributes()
    {
        Assert.That(Markup.Escape("<a href=\"x\" title='y'>&</a>"), Is.EqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;"));
    }

    [Test]
    public void Replaces_characters_xml_forbids_and_keeps_pairs_and_line_breaks()
    {
        Assert.That(Markup.Escape("a\u0001b\ud800c\ud83d\ude00\n\t"), Is.EqualTo("a\ufffdb\ufffdc\ud83d\ude00\n\t"));
    }

    [Test]
    public void Shortens_to_one_line_with_an_ellipsis()
    {
        Assert.That(Markup.Shorten("one\ntwo three", 9), Is.EqualTo("one two…"));
        Assert.That(Markup.Shorten("short", 9), Is.EqualTo("short"));
    }
}
