using System.Globalization;
using Conformance.Engine.Gherkin;

namespace Conformance.Engine.Bindings;

/// <summary>Turns captured text into a binding method's parameter types.</summary>
internal static class StepArgumentConverter
{
    public static object?[] Convert(StepMatch match)
    {
        var binding = match.Binding ?? throw new InvalidOperationException("Only a bound step has arguments.");
        var parameters = binding.Method.GetParameters();
        var step = match.Step;
        object? extra = (object?)step.Table ?? step.DocString;
        var expected = match.Arguments.Count + (extra is null ? 0 : 1);
        if (parameters.Length != expected)
        {
            throw new InvalidOperationException(
                $"{binding.MethodName} takes {parameters.Length} parameters, but the step gives {match.Arguments.Count} captures" +
                (extra is null ? "." : " and a " + (step.Table is null ? "doc string." : "table.")));
        }

        var values = new object?[parameters.Length];
        for (var index = 0; index < match.Arguments.Count; index++)
        {
            values[index] = ConvertOne(match.Arguments[index], parameters[index].ParameterType, binding.MethodName);
        }

        if (extra is not null)
        {
            values[^1] = extra;
        }

        return values;
    }

    private static object? ConvertOne(string text, Type type, string method)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        try
        {
            return target switch
            {
                _ when target == typeof(string) => text,
                _ when target == typeof(int) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture),
                _ when target == typeof(long) => long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture),
                _ when target == typeof(double) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
                _ when target == typeof(bool) => bool.Parse(text),
                _ when target.IsEnum => ParseEnum(text, target),
                _ => throw new NotSupportedException($"{method} has a parameter of type {type.Name}, which steps cannot supply."),
            };
        }
        catch (FormatException exception)
        {
            throw new FormatException($"\"{text}\" is not a {target.Name} for {method}.", exception);
        }
    }

    private static object ParseEnum(string text, Type type)
    {
        var key = text.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        foreach (var name in Enum.GetNames(type))
        {
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
            {
                return Enum.Parse(type, name);
            }
        }

        throw new FormatException($"\"{text}\" is not one of {string.Join(", ", Enum.GetNames(type))}.");
    }
}
