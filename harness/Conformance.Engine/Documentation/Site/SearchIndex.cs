using System.Text.Json.Nodes;

namespace Conformance.Engine.Documentation.Site;

/// <summary>
/// The search page's index: one entry per requirement, feature, written scenario (its steps and example cells as
/// the searchable text), reading and schema; each with a kind, a title, a subtitle and a link relative to the site's root.
/// </summary>
internal static class SearchIndex
{
    public static JsonArray Build(SiteContext site)
    {
        var entries = new JsonArray();
        void Add(string kind, string title, string subtitle, string text, string url) =>
            entries.Add(new JsonObject { ["k"] = kind, ["t"] = title, ["s"] = subtitle, ["x"] = text, ["u"] = url });

        foreach (var requirement in site.Catalog.Requirements)
        {
            Add("requirement", requirement.Id, requirement.Summary, string.Join('\n', requirement.Mistakes.Select(mistake => mistake.Mistake)), LinkMap.Requirement(requirement.Id));
        }

        foreach (var feature in site.Sources.Features)
        {
            var page = LinkMap.Feature(feature.Path);
            Add("feature", feature.Document.Feature?.Name ?? feature.Path, feature.Path, feature.Document.Feature?.Description?.Trim() ?? "", page);
            var anchors = site.Anchors(feature.Path);
            foreach (var background in (feature.Document.Feature?.Children ?? []).Select(child => child.Background).OfType<Io.Cucumber.Messages.Types.Background>())
            {
                Add("background", $"Background of {feature.Document.Feature?.Name}", feature.Path,
                    string.Join('\n', background.Steps.Select(step => $"{step.Keyword.Trim()} {step.Text}")), $"{page}#{anchors.At(background.Location.Line)}");
            }

            foreach (var scenario in WrittenScenarios.Of(feature))
            {
                var text = scenario.Steps.Select(step => $"{step.Keyword.Trim()} {step.Text}")
                    .Concat(scenario.Examples.SelectMany(examples => examples.TableBody.Select(row => string.Join(" | ", row.Cells.Select(cell => cell.Value)))))
                    .Concat(scenario.Tags.Select(tag => tag.Name));
                Add("scenario", scenario.Name, feature.Document.Feature?.Name ?? feature.Path, string.Join('\n', text), $"{page}#{anchors.At(scenario.Location.Line)}");
            }
        }

        foreach (var reading in site.Catalog.Readings)
        {
            Add("reading", reading.Name, reading.Note, string.Join(' ', reading.Requirements), SiteContext.ReadingTarget(reading));
        }

        foreach (var group in site.SchemaGroups)
        {
            foreach (var schema in group.Schemas)
            {
                Add("schema", schema.Title, schema.Name, string.Join('\n', schema.Valid.Concat(schema.Invalid).Select(example => example.Name.Replace('-', ' '))), LinkMap.Schema(group.Name, schema.Stem));
            }
        }

        return entries;
    }
}
