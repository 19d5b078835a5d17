using System.Reflection;
using System.Text.RegularExpressions;
using Conformance.Engine.Gherkin;

namespace Conformance.Engine.Bindings;

/// <summary>One pattern bound to one method.</summary>
internal sealed record StepBinding(StepKind? Kind, Regex Pattern, MethodInfo Method)
{
    /// <summary>"Class.Method", for messages.</summary>
    public string MethodName => $"{Method.DeclaringType?.Name}.{Method.Name}";
}
