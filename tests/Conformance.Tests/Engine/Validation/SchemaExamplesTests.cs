using Conformance.Engine.Validation;
using Conformance.Tests.Support;

namespace Conformance.Tests.Engine.Validation;

/// <summary>Every test vector under schemas/*/examples/&lt;stem&gt;/{valid,invalid} validates as its folder says.</summary>
public class SchemaExamplesTests
{
    private static readonly Lazy<SchemaSet> Schemas = new(() => SchemaSet.LoadAsync(Project.Layout.Schemas).GetAwaiter().GetResult());

    public static IEnumerable<TestCaseData> Vectors()
    {
        foreach (var protocol in Directory.EnumerateDirectories(Project.Layout.Schemas).Order())
        {
            var examples = Path.Combine(protocol, "examples");
            if (!Directory.Exists(examples))
            {
                continue;
            }

            foreach (var stem in Directory.EnumerateDirectories(examples).Order())
            {
                foreach (var verdict in new[] { "valid", "invalid" })
                {
                    var folder = Path.Combine(stem, verdict);
                    foreach (var file in Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.json").Order().ToList() : [])
                    {
                        var schema = $"{Path.GetFileName(protocol)}/{Path.GetFileName(stem)}";
                        yield return new TestCaseData(schema, file, verdict == "valid")
                            .SetName($"{schema} {verdict} {Path.GetFileNameWithoutExtension(file)}");
                    }
                }
            }
        }
    }

    [TestCaseSource(nameof(Vectors))]
    public void Validates_as_its_folder_says(string schema, string file, bool valid)
    {
        var issues = Schemas.Value.Get(schema).Validate(File.ReadAllText(file));

        if (valid)
        {
            Assert.That(issues, Is.Empty, string.Join("; ", issues));
        }
        else
        {
            Assert.That(issues, Is.Not.Empty);
            Assert.That(issues.All(issue => issue.Path.StartsWith('$') && issue.Keyword.Length > 0 && issue.Reason.Length > 0));
        }
    }

    [Test]
    public void Every_example_folder_belongs_to_a_schema_and_every_schema_has_both_kinds_of_example()
    {
        foreach (var protocol in Directory.EnumerateDirectories(Project.Layout.Schemas))
        {
            foreach (var schemaFile in Directory.EnumerateFiles(protocol, "*" + SchemaSet.Suffix))
            {
                var stem = Path.GetFileName(schemaFile)[..^SchemaSet.Suffix.Length];
                var examples = Path.Combine(protocol, "examples", stem);
                Assert.That(Directory.EnumerateFiles(Path.Combine(examples, "valid")), Is.Not.Empty, $"{stem} has no valid examples");
                Assert.That(Directory.EnumerateFiles(Path.Combine(examples, "invalid")), Is.Not.Empty, $"{stem} has no invalid examples");
            }

            var examplesRoot = Path.Combine(protocol, "examples");
            foreach (var folder in Directory.Exists(examplesRoot) ? Directory.EnumerateDirectories(examplesRoot) : [])
            {
                Assert.That(File.Exists(Path.Combine(protocol, Path.GetFileName(folder) + SchemaSet.Suffix)), $"{folder} has no schema");
            }
        }
    }

    [Test]
    public void Reports_the_path_the_keyword_and_a_reason()
    {
        var issues = Schemas.Value.Get("launcher-connector/custom-connector-event")
            .Validate("""{"eventType":"Bogus","message":"x","processId":"12"}""");

        Assert.That(issues.Select(issue => (issue.Path, issue.Keyword)), Is.EquivalentTo(new[] { ("$.eventType", "enum"), ("$.processId", "type") }));
    }

    [Test]
    public void Reports_a_missing_member_at_its_path()
    {
        var issue = Schemas.Value.Get("launcher-connector/custom-connector-event").Validate("""{"eventType":"Custom"}""").Single();

        Assert.That(issue, Is.EqualTo(new SchemaIssue("$.message", "required", "the member \"message\" is required")));
    }

    [Test]
    public void Reports_text_that_is_not_JSON()
    {
        var issue = Schemas.Value.Get("launcher-connector/custom-connector-event").Validate("{\"eventType\":").Single();

        Assert.That(issue.Keyword, Is.EqualTo("json"));
    }

    [Test]
    public void Names_the_known_schemas_when_asked_for_an_unknown_one()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => Schemas.Value.Get("nope/nothing"));

        Assert.That(error!.Message, Does.Contain("launcher-connector/custom-connector-event"));
    }
}
