namespace Conformance.Tests.Engine.Documentation;

/// <summary>A made-up protocol in a folder of its own: every Gherkin construct the site renders, a schema, an approved transcript.</summary>
internal static class DemoProject
{
    public static string Create()
    {
        var root = Directory.CreateTempSubdirectory("docs-demo").FullName;
        Write(root, "features/demo/requirements.json", """
            {
              "protocol": "demo",
              "title": "A <demo> protocol",
              "readings": [ { "name": "table X", "origin": "interpretation", "requirements": ["DM-02"], "examples": "table X", "note": "The source lost table X's cells." } ],
              "requirements": [
                { "id": "DM-01", "level": "MUST", "role": "server", "origin": "interpretation", "summary": "The server answers <everything>.", "note": "The source says \"answers\"; we read <all>." },
                { "id": "DM-02", "level": "SHOULD", "role": "server", "origin": "source", "summary": "Outlines run each row." }
              ]
            }
            """);
        Write(root, "features/demo/demo.feature", """"
            @role:server
            Feature: A demo <b>feature</b>
              A description with <script>alert(1)</script> in it.

              Background:
                Given a server

              Rule: the rule groups scenarios
                The rule's own description.

                @req:DM-01
                Scenario: a doc string and a data table
                  Given these settings:
                    | name | value |
                    | a    | <1>   |
                  When the client sends
                    """json
                    {"hello": "<world>"}
                    """
                  Then it answers

              @req:DM-02 @req:NO-SUCH
              Scenario Outline: an outline (<x>)
                Given <x>
                Then done

                Examples: table X
                  | x |
                  | 1 |
                  | 2 |
            """");
        Write(root, "schemas/demo/thing.schema.json", """
            { "$schema": "http://json-schema.org/draft-07/schema#", "title": "Thing", "description": "A thing.", "type": "object",
              "required": ["name"], "properties": { "name": { "type": "string", "description": "Its <name>." }, "tags": { "type": "object", "additionalProperties": { "type": "string" } } },
              "additionalProperties": false }
            """);
        Write(root, "schemas/demo/examples/thing/valid/named.json", """{ "name": "x" }""");
        Write(root, "schemas/demo/examples/thing/invalid/unnamed.json", """{ "tags": {} }""");
        Write(root, "snapshots/demo/a-doc-string-and-a-data-table.verified.json", """
            { "scenario": "x", "clock": "manual", "entries": [
              { "at": "+00:00:00.000", "kind": "sent", "line": { "hello": "<world>", "password": "***" } },
              { "at": "+00:00:01.500", "kind": "received", "line": { "answer": 42 } },
              { "at": "+00:00:02.000", "kind": "server-thought", "detail": "hmm" } ] }
            """);
        return root;
    }

    private static void Write(string root, string path, string text)
    {
        var full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text.ReplaceLineEndings("\n") + "\n");
    }
}
