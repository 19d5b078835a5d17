using Conformance.Engine.Documentation.Sources;

namespace Conformance.Tests.Engine.Documentation.Sources;

public class ReadmeTableTests
{
    [Test]
    public void Reads_the_table_between_its_markers_without_the_separator_row_or_the_text_around_it()
    {
        var readme = Write("""
            | Other | table |
            |---|---|
            | not | this |
            <!-- scores:start -->
            Some words first.

            | Configuration | Score |
            |:---|---:|
            | `a.json` | **90 %** |
            | b.json | |
            <!-- scores:end -->
            """);

        var table = ReadmeTable.Load(readme, "scores");

        Assert.That(table!.Header, Is.EqualTo(new[] { "Configuration", "Score" }));
        Assert.That(table.Rows, Is.EqualTo(new[] { new[] { "`a.json`", "**90 %**" }, new[] { "b.json", "" } }));
    }

    [Test]
    public void Has_no_table_without_the_file_its_markers_or_a_table_between_them()
    {
        Assert.That(ReadmeTable.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "README.md"), "scores"), Is.Null);
        Assert.That(ReadmeTable.Load(Write("| a |\n|---|\n| 1 |\n"), "scores"), Is.Null);
        Assert.That(ReadmeTable.Load(Write("<!-- scores:end -->\n| a |\n<!-- scores:start -->\n"), "scores"), Is.Null, "markers out of order");
        Assert.That(ReadmeTable.Load(Write("<!-- scores:start -->\nno table\n<!-- scores:end -->\n"), "scores"), Is.Null);
    }

    private static string Write(string text)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("readme-table").FullName, "README.md");
        File.WriteAllText(path, text);
        return path;
    }
}
