using Conformance.Engine.Requirements;

namespace Conformance.Engine.Documentation;

/// <summary>A known mistake and its fix as HTML: the same block on a requirement's page and under its violations in report.html.</summary>
internal static class MistakeMarkup
{
    /// <summary>The block for <paramref name="mistake"/>, every text escaped.</summary>
    public static string Render(KnownMistake mistake)
    {
        ArgumentNullException.ThrowIfNull(mistake);
        var example = mistake.Example is null ? "" : $"<pre><code>{Markup.Escape(mistake.Example)}</code></pre>";
        return $"<div class=\"mistake\"><p><strong>A known mistake.</strong> {Markup.Escape(mistake.Mistake)}</p>"
            + $"<p><strong>The fix.</strong> {Markup.Escape(mistake.Fix)}</p>{example}</div>\n";
    }
}
