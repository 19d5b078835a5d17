using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Conformance.Engine.Gherkin;

namespace Conformance.Engine.Bindings;

/// <summary>Writes the binding a step with no binding would need, for the undefined report.</summary>
internal static partial class SnippetGenerator
{
    /// <summary>A C# method with the attribute, pattern and parameters the step calls for.</summary>
    public static string Suggest(CompiledStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var parameters = new List<string>();
        var pattern = new StringBuilder();
        var last = 0;
        foreach (Match match in Parameter().Matches(step.Text))
        {
            pattern.Append(Regex.Escape(step.Text[last..match.Index]));
            if (match.Groups["quoted"].Success)
            {
                pattern.Append("\"(.*)\"");
                parameters.Add($"string p{parameters.Count}");
            }
            else
            {
                pattern.Append("(\\d+)");
                parameters.Add($"int p{parameters.Count}");
            }

            last = match.Index + match.Length;
        }

        pattern.Append(Regex.Escape(step.Text[last..]));
        if (step.Table is not null)
        {
            parameters.Add("DataTable table");
        }
        else if (step.DocString is not null)
        {
            parameters.Add("string docString");
        }

        var name = step.Kind + string.Concat(Words().Matches(Parameter().Replace(step.Text, " "))
            .Select(word => char.ToUpper(word.Value[0], CultureInfo.InvariantCulture) + word.Value[1..]));
        var escaped = pattern.ToString().Replace("\"", "\"\"", StringComparison.Ordinal).Replace("\\ ", " ", StringComparison.Ordinal);
        return $"[{step.Kind}(@\"{escaped}\")]\npublic void {name}({string.Join(", ", parameters)})\n{{\n    throw new PendingStepException();\n}}";
    }

    [GeneratedRegex("(?<quoted>\"[^\"]*\")|(?<number>(?<![\\w.])-?\\d+(?![\\w.]))")]
    private static partial Regex Parameter();

    [GeneratedRegex("[A-Za-z0-9]+")]
    private static partial Regex Words();
}
