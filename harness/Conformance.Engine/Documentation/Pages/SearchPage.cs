using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Engine.Documentation.Site;
using static Conformance.Engine.Documentation.Site.Fragments;

namespace Conformance.Engine.Documentation.Pages;

/// <summary>
/// Search over requirement IDs and wordings, features, scenario names and step text, readings and schemas: an inline
/// JSON index and a little inline script, so it works from <c>file://</c> with no server. Every page's search box
/// comes here with <c>?q=</c>.
/// </summary>
internal static class SearchPage
{
    // The default encoder escapes <, > and &, so the index can sit in a script element without ending it.
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static SitePage Build(SiteContext site)
    {
        var index = SearchIndex.Build(site);
        var body = $"""
            <h1>Search</h1>
            <p class="sub">Requirement IDs and wordings, features, scenario names and step text, readings and schemas. Every word must match.</p>
            <form class="search-page" action="{E(LinkMap.Search)}" method="get" role="search"><input id="q" type="search" name="q" autofocus placeholder="e.g. LC-C03, byte-order mark, table T1" aria-label="Search" style="width:30em;padding:.4em"></form>
            <p id="summary" class="count">Searching needs JavaScript; without it, use the protocol pages.</p>
            <ol id="results"></ol>
            <script type="application/json" id="search-index">{index.ToJsonString(Json)}</script>
            """;
        return new SitePage(LinkMap.Search, "Search", body, Script);
    }

    private const string Script = """
        (function () {
          var index = JSON.parse(document.getElementById('search-index').textContent);
          var box = document.getElementById('q'), list = document.getElementById('results'), summary = document.getElementById('summary');
          var params = new URLSearchParams(window.location.search);
          box.value = params.get('q') || '';
          function escape(text) {
            return text.replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; });
          }
          function mark(text, words) {
            var html = escape(text);
            words.forEach(function (word) {
              var safe = escape(word).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
              html = html.replace(new RegExp('(' + safe + ')', 'gi'), '<mark>$1</mark>');
            });
            return html;
          }
          function search() {
            var query = box.value.trim().toLowerCase();
            var words = query.split(/\s+/).filter(function (word) { return word.length > 0; });
            list.innerHTML = '';
            if (words.length === 0) { summary.textContent = index.length + ' entries to search.'; return; }
            var hits = [];
            index.forEach(function (entry) {
              var haystack = (entry.t + '\n' + entry.s + '\n' + entry.x).toLowerCase();
              if (!words.every(function (word) { return haystack.indexOf(word) >= 0; })) { return; }
              var rank = entry.t.toLowerCase() === query ? 0 : words.every(function (word) { return entry.t.toLowerCase().indexOf(word) >= 0; }) ? 1 : 2;
              hits.push({ entry: entry, rank: rank });
            });
            hits.sort(function (a, b) { return a.rank - b.rank; });
            summary.textContent = hits.length === 1 ? '1 match' : hits.length + ' matches';
            hits.slice(0, 200).forEach(function (hit) {
              var entry = hit.entry, context = '';
              // The subtitle says what the entry is; a line of its text only when that is where the words are.
              var inSubtitle = entry.s && words.some(function (word) { return entry.s.toLowerCase().indexOf(word) >= 0; });
              var lines = entry.x ? entry.x.split('\n') : [];
              var line = lines.filter(function (text) { return words.some(function (word) { return text.toLowerCase().indexOf(word) >= 0; }); })[0];
              var shown = inSubtitle || !line ? entry.s : line;
              if (shown) { context = '<span class="context">' + mark(shown, words) + '</span>'; }
              var item = document.createElement('li');
              item.innerHTML = '<span class="kind">' + escape(entry.k) + '</span><a href="' + escape(entry.u) + '">' + mark(entry.t, words) + '</a>' + context;
              list.appendChild(item);
            });
          }
          box.addEventListener('input', search);
          search();
        })();
        """;
}
