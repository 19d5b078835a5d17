using Conformance.Engine.Gherkin;
using Conformance.Engine.Snapshots;

namespace Conformance.Engine.Documentation.Site;

/// <summary>
/// Where every page of the site is, mirroring the repository where it can (<c>features/…</c>, <c>schemas/…</c>),
/// and the relative links between them, so that the site works from any folder and from <c>file://</c>.
/// </summary>
internal static class LinkMap
{
    public const string Home = "index.html";

    public const string Search = "search.html";

    public const string Register = "interpretations.html";

    public static string Protocol(string protocol) => $"protocols/{protocol}.html";

    public static string Requirement(string id) => $"requirements/{id}.html";

    /// <summary><c>features/p/x.feature</c> → <c>features/p/x.html</c>.</summary>
    public static string Feature(string featurePath) => featurePath[..^Path.GetExtension(featurePath).Length] + ".html";

    /// <summary>One page per scenario (or example row) with an approved transcript, laid out as the snapshots are.</summary>
    public static string Diagram(CompiledScenario scenario) =>
        $"diagrams/{Slug.Of(Path.GetFileNameWithoutExtension(scenario.FeaturePath))}/{Slug.Of(scenario.Name)}.html";

    public static string Schema(string group, string stem) => $"schemas/{group}/{stem}.html";

    public static string Xsd(string group, string fileName) => $"schemas/{group}/{fileName}.html";

    /// <summary>The link from the page at <paramref name="from"/> to <paramref name="to"/> (a page, optionally with <c>#anchor</c>), both relative to the site's root.</summary>
    public static string Relative(string from, string to)
    {
        var (path, anchor) = to.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0 ? (to[..hash], to[hash..]) : (to, "");
        if (path.Length == 0 || path == from)
        {
            return anchor.Length > 0 ? anchor : Path.GetFileName(from);
        }

        var fromFolders = from.Split('/')[..^1];
        var toParts = path.Split('/');
        var common = 0;
        while (common < fromFolders.Length && common < toParts.Length - 1 && fromFolders[common] == toParts[common])
        {
            common++;
        }

        var up = string.Concat(Enumerable.Repeat("../", fromFolders.Length - common));
        return up + string.Join('/', toParts[common..].Select(Uri.EscapeDataString)) + anchor;
    }
}
