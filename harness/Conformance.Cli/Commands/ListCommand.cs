using System.CommandLine;
using Conformance.Engine.Gherkin;
using Conformance.Engine.Requirements;
using Conformance.Engine.Running;

namespace Conformance.Cli.Commands;

/// <summary><c>conformance list</c>: the features, scenarios and requirements a run would execute (a dry run).</summary>
internal static class ListCommand
{
    public static Command Create(TextWriter output)
    {
        var tags = new Option<string?>("--tags") { Description = "Cucumber tag expression selecting scenarios." };
        var role = new Option<string?>("--role") { Description = "Only the scenarios of this role (the party under test), e.g. connector." };
        var root = new Option<string?>("--root") { Description = "Folder holding features/ and schemas/." };
        var command = new Command("list", "List the features, scenarios and requirement IDs a run would execute, without running them.") { tags, role, root };
        command.SetAction(async parse =>
        {
            var layout = CommonOptions.Layout(parse.GetValue(root));
            RequirementCatalog catalog;
            IReadOnlyList<CompiledScenario> scenarios;
            try
            {
                catalog = RequirementCatalog.Load(layout.Features);
                scenarios = FeatureLoader.Load(layout.Features, layout.Root);
            }
            catch (Exception exception) when (exception is FeatureParseException or InvalidDataException)
            {
                throw new UsageException(exception.Message);
            }

            var selectedRole = parse.GetValue(role);
            var roles = catalog.Requirements.Select(requirement => requirement.Role).Distinct().Order(StringComparer.Ordinal).ToList();
            if (selectedRole is not null && !roles.Contains(selectedRole))
            {
                var closest = Suggestions.Closest(selectedRole, roles);
                throw new UsageException($"--role {selectedRole} is not a role of any protocol.{(closest is null ? "" : $" Did you mean {closest}?")} Known roles: {string.Join(", ", roles)}.");
            }

            var plan = RunPlan.Select(scenarios, catalog, selectedRole, CommonOptions.ParseTags(parse.GetValue(tags)));
            foreach (var feature in plan.Scenarios.GroupBy(scenario => scenario.FeaturePath))
            {
                await output.WriteLineAsync($"{feature.Key}  ({feature.First().FeatureName})");
                foreach (var scenario in feature)
                {
                    await output.WriteLineAsync($"  {scenario.Name}  [{string.Join(' ', scenario.Requirements)}]");
                }
            }

            var covered = plan.Scenarios.SelectMany(scenario => scenario.Requirements).ToHashSet();
            await output.WriteLineAsync();
            await output.WriteLineAsync($"{plan.Scenarios.Count} scenarios, {plan.Requirements.Count} requirements:");
            foreach (var requirement in plan.Requirements)
            {
                var coverage = covered.Contains(requirement.Id) ? "" : "  (not covered)";
                await output.WriteLineAsync($"  {requirement.Id,-8} {requirement.LevelName,-6} {requirement.OriginName,-14} {string.Join(",", requirement.Roles),-12} {requirement.Summary}{coverage}");
            }

            return ExitCodes.Conformant;
        });
        return command;
    }
}
