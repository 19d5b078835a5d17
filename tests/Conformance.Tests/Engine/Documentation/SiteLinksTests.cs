using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Conformance.Tests.Engine.Documentation;

/// <summary>Issue 10: every internal link of the generated site resolves — each href, each #anchor, across pages — and nothing is fetched from elsewhere.</summary>
public partial class SiteLinksTests
{
    public static IEnumerable<TestCaseData> Sites()
    {
        yield return new TestCaseData((Func<Task<IReadOnlyDictionary<string, string>>>)GeneratedSites.Suite).SetName("The project's site: every link and anchor resolves");
        yield return new TestCaseData((Func<Task<IReadOnlyDictionary<string, string>>>)GeneratedSites.WithResults).SetName("The project's site with a run's results: every link and anchor resolves");
        yield return new TestCaseData((Func<Task<IReadOnlyDictionary<string, string>>>)GeneratedSites.Demo).SetName("A made-up protocol's site: every link and anchor resolves");
    }

    [TestCaseSource(nameof(Sites))]
    public async Task Every_link_resolves(Func<Task<IReadOnlyDictionary<string, string>>> build)
    {
        var site = await build();
        var anchors = site.ToDictionary(page => page.Key, page => Ids(page.Value));
        var broken = new List<string>();
        var checkedLinks = 0;

        foreach (var (path, html) in site)
        {
            foreach (var duplicate in IdPattern().Matches(html).Select(match => match.Groups[1].Value).GroupBy(id => id).Where(group => group.Count() > 1))
            {
                broken.Add($"{path}: id \"{duplicate.Key}\" is given {duplicate.Count()} times");
            }

            // The search page's script builds links from its index, which is checked below.
            var markup = Regex.Replace(html, "<script>.*?</script>", "", RegexOptions.Singleline);
            foreach (var link in LinkPattern().Matches(markup).Select(match => WebUtility.HtmlDecode(match.Groups[2].Value)))
            {
                checkedLinks++;
                if (Problem(site, anchors, path, link) is { } problem)
                {
                    broken.Add($"{path}: {link} {problem}");
                }
            }
        }

        var index = JsonNode.Parse(Regex.Match(site["search.html"], "<script type=\"application/json\" id=\"search-index\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value)!.AsArray();
        foreach (var url in index.Select(entry => entry!["u"]!.GetValue<string>()))
        {
            checkedLinks++;
            if (Problem(site, anchors, "search.html", url) is { } problem)
            {
                broken.Add($"search index: {url} {problem}");
            }
        }

        Assert.That(broken, Is.Empty);
        Assert.That(checkedLinks, Is.GreaterThan(site.Count), "the walker saw the links");
    }

    [TestCaseSource(nameof(Sites))]
    public async Task Needs_nothing_from_outside_the_site(Func<Task<IReadOnlyDictionary<string, string>>> build)
    {
        foreach (var (path, html) in await build())
        {
            Assert.That(html, Does.Not.Contain(" src=").And.Not.Contain("<link").And.Not.Contain("@import").And.Not.Contain("url("), path);
            Assert.That(Regex.Count(html, "<script"), Is.EqualTo(path == "search.html" ? 2 : 0), $"{path}: only search has script (its index and its code)");
        }
    }

    private static string? Problem(IReadOnlyDictionary<string, string> site, Dictionary<string, HashSet<string>> anchors, string from, string link)
    {
        if (Regex.IsMatch(link, "^[a-z][a-z0-9+.-]*:", RegexOptions.IgnoreCase) || link.StartsWith("//", StringComparison.Ordinal))
        {
            return "leaves the site";
        }

        var (target, anchor) = link.Split('#', 2) is [var page, var fragment] ? (page, fragment) : (link.Split('?')[0], null);
        var resolved = target.Length == 0 ? from : Resolve(from, Uri.UnescapeDataString(target));
        if (resolved is null || !site.ContainsKey(resolved))
        {
            return $"names {resolved ?? target}, which is not a page of the site";
        }

        return anchor is null || anchors[resolved].Contains(Uri.UnescapeDataString(anchor)) ? null : $"names #{anchor}, which {resolved} does not have";
    }

    private static string? Resolve(string from, string relative)
    {
        var parts = from.Split('/')[..^1].ToList();
        foreach (var part in relative.Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
            }
            else if (part is not ("." or ""))
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    private static HashSet<string> Ids(string html) => IdPattern().Matches(html).Select(match => WebUtility.HtmlDecode(match.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex("\\sid=\"([^\"]*)\"")]
    private static partial Regex IdPattern();

    [GeneratedRegex("\\s(href|action)=\"([^\"]*)\"")]
    private static partial Regex LinkPattern();
}
