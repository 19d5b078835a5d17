using Conformance.Engine.Gherkin;

namespace Conformance.Engine.Bindings;

/// <summary>Marks a class whose methods bind steps, as Reqnroll's <c>[Binding]</c> does.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class BindingAttribute : Attribute;

/// <summary>Binds a method to the steps whose text matches <see cref="Pattern"/> (anchored at both ends).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public class StepDefinitionAttribute(string pattern) : Attribute
{
    /// <summary>The regular expression; each capture group is one method argument.</summary>
    public string Pattern { get; } = pattern;

    /// <summary>The step kind bound; null binds every kind.</summary>
    public virtual StepKind? Kind => null;
}

/// <summary>Binds Given steps.</summary>
public sealed class GivenAttribute(string pattern) : StepDefinitionAttribute(pattern)
{
    /// <inheritdoc />
    public override StepKind? Kind => StepKind.Given;
}

/// <summary>Binds When steps.</summary>
public sealed class WhenAttribute(string pattern) : StepDefinitionAttribute(pattern)
{
    /// <inheritdoc />
    public override StepKind? Kind => StepKind.When;
}

/// <summary>Binds Then steps.</summary>
public sealed class ThenAttribute(string pattern) : StepDefinitionAttribute(pattern)
{
    /// <inheritdoc />
    public override StepKind? Kind => StepKind.Then;
}
