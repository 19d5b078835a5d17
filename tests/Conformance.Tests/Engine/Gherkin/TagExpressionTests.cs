using Conformance.Engine.Gherkin;

namespace Conformance.Tests.Engine.Gherkin;

public class TagExpressionTests
{
    [TestCase("@a", new[] { "@a" }, true)]
    [TestCase("@a", new[] { "@b" }, false)]
    [TestCase("not @a", new[] { "@b" }, true)]
    [TestCase("@a and @b", new[] { "@a" }, false)]
    [TestCase("@a or @b", new[] { "@b" }, true)]
    [TestCase("@req:LC-C09 or @smoke and not @windows", new[] { "@smoke", "@windows" }, false)]
    [TestCase("@req:LC-C09 or @smoke and not @windows", new[] { "@req:LC-C09", "@windows" }, true)]
    [TestCase("(@a or @b) and not @c", new[] { "@b" }, true)]
    [TestCase("(@a or @b) and not @c", new[] { "@b", "@c" }, false)]
    [TestCase("not not @a", new[] { "@a" }, true)]
    public void Evaluates_with_not_binding_tighter_than_and_and_and_tighter_than_or(string expression, string[] tags, bool matches)
    {
        Assert.That(TagExpression.Parse(expression).Matches(tags), Is.EqualTo(matches));
    }

    [TestCase("@a and")]
    [TestCase("(@a or @b")]
    [TestCase("a")]
    [TestCase("@a @b")]
    public void Rejects_a_malformed_expression_with_a_message(string expression)
    {
        var error = Assert.Throws<FormatException>(() => TagExpression.Parse(expression));

        Assert.That(error!.Message, Is.Not.Empty);
    }

    [Test]
    public void Matches_everything_when_empty()
    {
        Assert.That(TagExpression.Parse("  ").Matches([]), Is.True);
    }
}
