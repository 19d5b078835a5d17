namespace Conformance.Engine.Documentation.Site;

/// <summary>One page of the site before its layout: where it goes, its title, and its content (HTML, escaped).</summary>
/// <param name="Path">Relative to the site's root, with forward slashes.</param>
/// <param name="Title">The browser tab's title.</param>
/// <param name="Body">The page's main content.</param>
/// <param name="Script">Inline script for the end of the page, if it needs one (only search does).</param>
internal sealed record SitePage(string Path, string Title, string Body, string? Script = null);
