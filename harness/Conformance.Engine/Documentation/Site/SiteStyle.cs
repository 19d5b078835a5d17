namespace Conformance.Engine.Documentation.Site;

/// <summary>The site's one style sheet, inline in every page so that a single file works offline. System fonts only.</summary>
internal static class SiteStyle
{
    public const string Css = """
        :root{--ink:#1d232b;--muted:#5d6875;--line:#d8dee6;--soft:#f5f7fa;--accent:#1f4f8f}
        *{box-sizing:border-box}
        body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff}
        header.site{display:flex;flex-wrap:wrap;gap:1em;align-items:center;padding:.6em 1.5em;background:#1f2d3d;color:#fff}
        header.site a{color:#dfe8f3;text-decoration:none;margin-right:.8em}header.site a:hover{text-decoration:underline}
        header.site .brand{font-weight:700;color:#fff;font-size:1.1em}
        header.site nav{flex:1}
        form.search{display:flex;gap:.3em}form.search input{width:20em;padding:.3em .5em;border:1px solid #8a9bb0;border-radius:4px}
        form.search button{padding:.3em .7em;border:0;border-radius:4px;background:#3d6fb0;color:#fff;cursor:pointer}
        main{max-width:76em;margin:0 auto;padding:1em 1.5em 3em}
        footer{max-width:76em;margin:0 auto;padding:.5em 1.5em 2em;color:var(--muted)}footer p{font-size:.85em;border-top:1px solid var(--line);padding-top:1em}
        h1{font-size:1.7em;margin:.4em 0 .3em;line-height:1.25}h2{font-size:1.3em;margin:1.6em 0 .5em;padding-bottom:.2em;border-bottom:1px solid var(--line)}
        h3{font-size:1.1em;margin:1.2em 0 .4em}h4{font-size:1em;margin:1em 0 .3em}
        a{color:var(--accent)}
        code,pre{font-family:ui-monospace,"Cascadia Mono",Menlo,Consolas,monospace;font-size:.88em}
        pre{background:var(--soft);border:1px solid var(--line);border-radius:4px;padding:.6em .8em;overflow-x:auto;white-space:pre-wrap;word-break:break-word}
        table{border-collapse:collapse;margin:.5em 0 1em}th,td{border:1px solid var(--line);padding:.35em .6em;text-align:left;vertical-align:top}
        th{background:var(--soft);font-weight:600}
        .crumbs{color:var(--muted);font-size:.9em;margin:0}.sub{color:var(--muted)}
        .wording{font-size:1.15em;border-left:4px solid var(--accent);padding:.3em .8em;background:#f3f7fc}
        a.req,code{white-space:nowrap}pre code{white-space:inherit}
        .level,.origin,.outcome{white-space:nowrap;display:inline-block;font-size:.72em;font-weight:700;letter-spacing:.03em;padding:.1em .5em;border-radius:3px;vertical-align:middle;text-transform:uppercase}
        .level-must{background:#3b4a5c;color:#fff}.level-should{background:#7b8ea5;color:#fff}.level-may{background:#c9d3de;color:#223}
        .origin-source{background:#e3efe3;color:#245524}.origin-interpretation{background:#fff1c9;color:#6b4e00}.origin-policy{background:#e9e2f7;color:#4a2f80}
        .outcome-passed{background:#d9f0df;color:#1b6b32}.outcome-failed,.outcome-undefined,.outcome-not-conformant{background:#f9d9d9;color:#9b1c1c}
        .outcome-non-strict{background:#fde8c8;color:#8a5200}.outcome-informational,.outcome-skipped,.outcome-not-covered,.outcome-not-run{background:#e8eaed;color:#4b5563}
        .outcome-conformant{background:#d9f0df;color:#1b6b32}
        .note{background:#fffaf0;border:1px solid #eadfc4;border-radius:4px;padding:.5em .8em;margin:.6em 0}
        .mistake{border:1px solid #e3c7c7;border-left:4px solid #c0504d;border-radius:4px;padding:.4em .9em;margin:.8em 0;background:#fff9f9}
        .tags{margin:.2em 0}.tag{display:inline-block;font-size:.8em;padding:0 .45em;border-radius:3px;background:#eef1f5;color:#3b4a5c;text-decoration:none;margin-right:.2em}
        a.tag-req{background:#e1ecfa;color:#1f4f8f}a.tag-role{background:#e6f2ea;color:#245524}
        section.scenario,section.background{border:1px solid var(--line);border-radius:6px;padding:.2em 1em .6em;margin:1em 0}
        section.background{background:var(--soft)}section.rule{border-left:4px solid #9fb4cf;padding-left:1em;margin:1.5em 0}
        section.scenario:target,tr:target{outline:3px solid #ffd257}
        .kw{color:#7a3e9d;font-weight:600}.param{color:#b34700;font-family:ui-monospace,monospace;font-size:.9em}
        ol.steps{list-style:none;padding-left:0;margin:.4em 0}ol.steps li{padding:.1em 0}
        ol.steps table,ol.steps pre{margin:.3em 0 .3em 2em}
        table.examples td,table.data td{font-family:ui-monospace,monospace;font-size:.88em}
        .covers{font-size:.9em;color:var(--muted)}
        .diagram{overflow-x:auto;border:1px solid var(--line);border-radius:4px;padding:.4em;background:#fff}
        .legend{font-size:.85em;color:var(--muted)}
        ul.issues{margin:.2em 0 .8em;color:#8a1f1f}
        .example h3{font-size:1em;margin:.9em 0 .2em}
        .count{color:var(--muted);font-size:.9em}
        #results li{margin:.4em 0}#results .kind{font-size:.75em;text-transform:uppercase;color:var(--muted);margin-right:.4em}
        #results .context{display:block;color:var(--muted);font-size:.9em}
        mark{background:#ffe58a}
        """;
}
