using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Engine.Validation;

namespace Conformance.Cli.Commands;

/// <summary>
/// <c>conformance validate --schema NAME [--lines | --framing be32|le32] [--json] FILE…|-</c>: checks captured messages
/// against a named schema, each problem with its line or frame, JSON path, keyword and reason. Exit 0 when
/// every message is valid, 1 when one is not, 2 for a usage error.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter output)
    {
        var schema = new Option<string?>("--schema") { Description = "The schema, as <protocol folder>/<schema stem>, e.g. launcher-connector/custom-connector-event (see --list-schemas)." };
        var lines = new Option<bool>("--lines") { Description = "One message per line (NDJSON), read as the launcher-connector pipe is: a BOM, CR, invalid UTF-8 or an over-long line is reported too." };
        var framing = new Option<string?>("--framing") { Description = "Length-prefixed frames: be32 (4-byte big-endian length, JSON or XML, as the Pipe Messaging pipes carry messages) or le32 (4-byte little-endian length, one protobuf control message each, as a DCV extension's standard input and output carry them)." };
        var json = new Option<bool>("--json") { Description = "Write the findings as JSON, for machines." };
        var list = new Option<bool>("--list-schemas") { Description = "List the schemas that can be named, and stop." };
        var root = new Option<string?>("--root") { Description = "Folder holding features/ and schemas/." };
        var files = new Argument<string[]>("files") { Description = "Files to check; - reads standard input.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("validate", "Validate messages against a named schema: one JSON document per file, one per line with --lines, or a capture of frames with --framing be32 or le32.")
        {
            schema, lines, framing, json, list, root, files,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var layout = CommonOptions.Layout(parse.GetValue(root));
            SchemaSet schemas;
            try
            {
                schemas = await SchemaSet.LoadAsync(layout.Schemas);
            }
            catch (InvalidDataException exception)
            {
                throw new UsageException(exception.Message);
            }

            if (parse.GetValue(list))
            {
                foreach (var name in schemas.Names.Order(StringComparer.Ordinal))
                {
                    await output.WriteLineAsync(name);
                }

                return ExitCodes.Conformant;
            }

            var selected = Schema(schemas, parse.GetValue(schema));
            var reading = Reading(parse.GetValue(lines), parse.GetValue(framing));
            CheckFramingFits(selected, reading);
            var paths = parse.GetValue(files) is { Length: > 0 } given ? given : throw new UsageException("Give the files to validate, or - for standard input.");
            var findings = new List<(string File, IReadOnlyList<MessageCheck> Checks)>();
            foreach (var path in paths)
            {
                findings.Add((path, await CheckAsync(path, selected, schemas.FindXml(ProtocolOf(selected)), reading, cancellation)));
            }

            var valid = findings.All(finding => finding.Checks.All(check => check.Valid));
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(Json(selected.Name, findings, valid).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            }
            else
            {
                await WriteAsync(output, findings);
            }

            return valid ? ExitCodes.Conformant : ExitCodes.NotConformant;
        });
        return command;
    }

    private enum ReadingKind
    {
        Document,
        Lines,
        Frames,
        ControlFrames,
    }

    private static MessageSchema Schema(SchemaSet schemas, string? name)
    {
        if (name is null)
        {
            throw new UsageException("Name the schema with --schema (e.g. launcher-connector/custom-connector-event); --list-schemas lists them.");
        }

        try
        {
            return schemas.Get(name);
        }
        catch (KeyNotFoundException)
        {
            var closest = Suggestions.Closest(name, schemas.Names);
            throw new UsageException($"No schema named {name}.{(closest is null ? "" : $" Did you mean {closest}?")} --list-schemas lists them.");
        }
    }

    private static ReadingKind Reading(bool lines, string? framing) => (lines, framing?.ToLowerInvariant()) switch
    {
        (true, not null) => throw new UsageException("--lines and --framing do not go together: a capture is either lines or frames."),
        (true, null) => ReadingKind.Lines,
        (false, null) => ReadingKind.Document,
        (false, "be32") => ReadingKind.Frames,
        (false, "le32") => ReadingKind.ControlFrames,
        (false, var other) => throw new UsageException($"--framing {other} is not a framing this tool reads; it reads be32 (4-byte big-endian length) and le32 (4-byte little-endian length)."),
    };

    // LE32 frames carry protobuf control messages, which only the DCV control schemas judge; BE32 frames carry JSON or XML,
    // never control messages. Their canonical JSON, as documents or lines, is judged like any JSON.
    private static void CheckFramingFits(MessageSchema schema, ReadingKind reading)
    {
        var controlSchema = ControlFrameValidator.Judges(schema);
        if (reading == ReadingKind.ControlFrames && !controlSchema)
        {
            throw new UsageException($"--framing le32 reads DCV control messages (protobuf); name dcv-virtual-channels/extension-message or dcv-virtual-channels/dcv-message, not {schema.Name}.");
        }

        if (reading == ReadingKind.Frames && controlSchema)
        {
            throw new UsageException($"{schema.Name} judges DCV control messages, which travel as protobuf in LE32 frames: use --framing le32 (or give their canonical JSON as documents or lines).");
        }
    }

    private static string ProtocolOf(MessageSchema schema) => schema.Name.Split('/')[0];

    private static async Task<IReadOnlyList<MessageCheck>> CheckAsync(string path, MessageSchema schema, XmlMessageSchema? xml, ReadingKind reading, CancellationToken cancellation)
    {
        Stream input;
        try
        {
            input = path == "-" ? Console.OpenStandardInput() : File.OpenRead(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot read {path}: {exception.Message}");
        }

        await using (input)
        {
            return reading switch
            {
                ReadingKind.Lines => await MessageValidator.LinesAsync(input, schema, cancellationToken: cancellation),
                ReadingKind.Frames => await MessageValidator.FramesAsync(input, schema, xml, cancellation),
                ReadingKind.ControlFrames => await ControlFrameValidator.CheckAsync(input, schema, cancellation),
                _ => await MessageValidator.DocumentAsync(input, schema, cancellation),
            };
        }
    }

    private static async Task WriteAsync(TextWriter output, List<(string File, IReadOnlyList<MessageCheck> Checks)> findings)
    {
        foreach (var (file, checks) in findings)
        {
            var invalid = checks.Where(check => !check.Valid).ToList();
            await output.WriteLineAsync(invalid.Count == 0
                ? $"{file}: valid ({checks.Count} {(checks.Count == 1 ? "message" : "messages")})"
                : $"{file}: {invalid.Count} of {checks.Count} {(checks.Count == 1 ? "message" : "messages")} invalid");
            foreach (var check in invalid)
            {
                foreach (var issue in check.Issues)
                {
                    await output.WriteLineAsync($"  {check.Where}: {issue.Path}: {issue.Keyword}: {issue.Reason}");
                }
            }
        }
    }

    private static JsonObject Json(string schema, List<(string File, IReadOnlyList<MessageCheck> Checks)> findings, bool valid) => new()
    {
        ["schema"] = schema,
        ["valid"] = valid,
        ["files"] = new JsonArray(findings.Select(finding => (JsonNode)new JsonObject
        {
            ["file"] = finding.File,
            ["valid"] = finding.Checks.All(check => check.Valid),
            ["messages"] = new JsonArray(finding.Checks.Select(check => (JsonNode)new JsonObject
            {
                ["where"] = check.Where,
                ["valid"] = check.Valid,
                ["issues"] = new JsonArray(check.Issues.Select(issue => (JsonNode)new JsonObject
                {
                    ["path"] = issue.Path,
                    ["keyword"] = issue.Keyword,
                    ["reason"] = issue.Reason,
                }).ToArray()),
            }).ToArray()),
        }).ToArray()),
    };
}
