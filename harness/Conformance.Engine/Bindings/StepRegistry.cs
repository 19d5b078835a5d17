using System.Reflection;
using System.Text.RegularExpressions;
using Conformance.Engine.Gherkin;

namespace Conformance.Engine.Bindings;

/// <summary>All step bindings found in a set of assemblies, and the matching of steps against them.</summary>
internal sealed class StepRegistry
{
    private StepRegistry(IReadOnlyList<StepBinding> bindings) => Bindings = bindings;

    /// <summary>Every binding, in discovery order.</summary>
    public IReadOnlyList<StepBinding> Bindings { get; }

    /// <summary>A registry with no binding: every step is undefined.</summary>
    public static StepRegistry Empty { get; } = new([]);

    /// <summary>Finds the bindings of the <see cref="BindingAttribute"/> classes in <paramref name="assemblies"/>.</summary>
    public static StepRegistry FromAssemblies(params Assembly[] assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        return FromTypes(assemblies.SelectMany(assembly => assembly.GetTypes()));
    }

    /// <summary>
    /// The bindings in <paramref name="namespace"/> of <paramref name="assembly"/> and the namespaces below it: one
    /// protocol's, so that similar wording in two protocols never makes a step ambiguous.
    /// </summary>
    public static StepRegistry FromNamespace(Assembly assembly, string @namespace)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(@namespace);
        return FromTypes(assembly.GetTypes().Where(type => type.Namespace is { } name
            && (name == @namespace || name.StartsWith(@namespace + ".", StringComparison.Ordinal))));
    }

    private static StepRegistry FromTypes(IEnumerable<Type> types)
    {
        var bindings = new List<StepBinding>();
        foreach (var type in types.Where(type => type.GetCustomAttribute<BindingAttribute>() is not null))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                foreach (var attribute in method.GetCustomAttributes<StepDefinitionAttribute>())
                {
                    var pattern = new Regex($"^{attribute.Pattern}$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                    bindings.Add(new StepBinding(attribute.Kind, pattern, method));
                }
            }
        }

        return new StepRegistry(bindings);
    }

    /// <summary>Matches <paramref name="step"/> against every binding of its kind.</summary>
    public StepMatch Match(CompiledStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var candidates = new List<(StepBinding Binding, Match Match)>();
        foreach (var binding in Bindings)
        {
            if (binding.Kind is { } kind && kind != step.Kind)
            {
                continue;
            }

            var match = binding.Pattern.Match(step.Text);
            if (match.Success)
            {
                candidates.Add((binding, match));
            }
        }

        if (candidates.Count == 1)
        {
            var (binding, match) = candidates[0];
            var arguments = match.Groups.Cast<Group>().Skip(1).Select(group => group.Value).ToList();
            return new StepMatch(step, binding, arguments, [binding]);
        }

        return new StepMatch(step, null, [], candidates.Select(candidate => candidate.Binding).ToList());
    }
}
