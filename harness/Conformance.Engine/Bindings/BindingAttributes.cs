using Conformance.Engine.Gherkin;

namespace Conformance.Engine.Bindings;

/// <summary>Marks a class whose methods bind steps, as Reqnroll's <c>[Binding]</c> does.</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class BindingAttribute : Attribute;

/// <summary>Binds a method to the steps whose text matches <see cref="Pattern"/> (anchored at both ends).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
internal class StepDefinitionAttribute(string pattern) : Attribute
{
    /// <summary>The regular expression; each capture group is one method argument.</summary>
    public string Pattern { get; } = pattern;

    /// <summary>The step kind bound; null binds every kind.</summary>
    public virtual StepKind? Kind => null;
}

/// <summary>Binds Given steps.</summary>
internal sealed class GivenAttribute(string pattern) : StepDefinitionAttribute(pattern)
{
    /// <inheritdoc />
    public override StepKind? Kind => StepKind.Given;
}

/// <summary>Binds When steps.</summary>
internal sealed class WhenAttribute(string pattern) : StepDefinitionAttribute(pattern)
{
    /// <inheritdoc />
    public override StepKind? Kind => StepKind.When;
}

/// <summary>Binds Then steps.</summary>
internal sealed class ThenAttribute(string pattern) : StepDefinitionAttribute(pattern)
{
    /// <inheritdoc />
    public override StepKind? Kind => StepKind.Then;
}
