using Conformance.Engine.Bindings;
using Conformance.Engine.Gherkin;

namespace Conformance.Tests.Engine.Bindings;

public class SnippetGeneratorTests
{
    [Test]
    public void Suggests_a_binding_with_a_parameter_per_quoted_string_and_number()
    {
        var snippet = SnippetGenerator.Suggest(new CompiledStep(StepKind.When, "When", "the connector sends \"hello\" 3 times", 1));

        Assert.That(snippet, Does.StartWith("[When(@\"the connector sends \"\"(.*)\"\" (\\d+) times\")]"));
        Assert.That(snippet, Does.Contain("public void WhenTheConnectorSendsTimes(string p0, int p1)"));
        Assert.That(snippet, Does.Contain("throw new PendingStepException();"));
    }

    [Test]
    public void Adds_the_table_or_doc_string_parameter()
    {
        var table = new DataTable([["a"], ["1"]]);

        var snippet = SnippetGenerator.Suggest(new CompiledStep(StepKind.Then, "Then", "the rows are", 1, Table: table));

        Assert.That(snippet, Does.Contain("(DataTable table)"));
    }
}
