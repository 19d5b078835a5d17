using Conformance.Engine.Bindings;
using Conformance.Engine.Gherkin;

namespace Conformance.Tests.Engine.Bindings;

public class StepRegistryTests
{
    private static readonly StepRegistry Registry = StepRegistry.FromAssemblies(typeof(StepRegistryTests).Assembly);

    [Test]
    public void Matches_a_step_of_the_bound_kind_and_captures_its_groups()
    {
        var match = Registry.Match(new CompiledStep(StepKind.When, "When", "the sample counts 42 apples", 1));

        Assert.That(match.IsBound);
        Assert.That(match.Binding!.MethodName, Is.EqualTo("SampleBindings.Counts"));
        Assert.That(match.Arguments, Is.EqualTo(new[] { "42", "apples" }));
    }

    [Test]
    public void Does_not_match_a_step_of_another_kind()
    {
        var match = Registry.Match(new CompiledStep(StepKind.Given, "Given", "the sample counts 42 apples", 1));

        Assert.That(match.IsUndefined);
    }

    [Test]
    public void Anchors_patterns_at_both_ends()
    {
        var match = Registry.Match(new CompiledStep(StepKind.When, "When", "and then the sample counts 42 apples twice", 1));

        Assert.That(match.IsUndefined);
    }

    [Test]
    public void Reports_every_binding_of_an_ambiguous_step()
    {
        var match = Registry.Match(new CompiledStep(StepKind.Then, "Then", "the sample is ambiguous", 1));

        Assert.That(match.IsAmbiguous);
        Assert.That(match.Candidates, Has.Count.EqualTo(2));
    }

    [Test]
    public void Finds_each_protocol_s_bindings_in_its_own_module_only()
    {
        foreach (var module in Conformance.Engine.ProtocolModules.All)
        {
            Assert.That(module.Steps.Bindings, Is.Not.Empty, module.Protocol);
            Assert.That(module.Steps.Bindings.All(binding => binding.Method.DeclaringType!.IsDefined(typeof(BindingAttribute), false)));
            Assert.That(module.Steps.Bindings.All(binding => binding.Method.DeclaringType!.Namespace!.StartsWith(module.GetType().Namespace!, StringComparison.Ordinal)), module.Protocol);
        }
    }

    [Test]
    public void Leaves_a_step_undefined_when_only_another_namespace_binds_it()
    {
        var registry = StepRegistry.FromNamespace(typeof(StepRegistryTests).Assembly, "Conformance.Tests.Nowhere");

        Assert.That(registry.Match(new CompiledStep(StepKind.When, "When", "the sample counts 3 apples", 1)).IsUndefined);
    }

    [Binding]
    public sealed class SampleBindings
    {
        [When("the sample counts (\\d+) (\\w+)")]
        public void Counts(int count, string what)
        {
            Assert.That(count, Is.Positive);
            Assert.That(what, Is.Not.Empty);
        }

        [Then("the sample is ambiguous")]
        public void First() => Assert.Fail("ambiguous steps never run");

        [StepDefinition("the sample is (\\w+)")]
        public void Second(string word) => Assert.Fail($"ambiguous steps never run ({word})");
    }
}
