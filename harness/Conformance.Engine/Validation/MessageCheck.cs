namespace Conformance.Engine.Validation;

/// <summary>What validating one message (a document, a line, a frame) found.</summary>
/// <param name="Where">"the document", "line 3", "frame 2".</param>
/// <param name="Issues">Each problem: schema issues at their JSON path, or the codec's own words at "$".</param>
internal sealed record MessageCheck(string Where, IReadOnlyList<SchemaIssue> Issues)
{
    /// <summary>True when nothing is wrong.</summary>
    public bool Valid => Issues.Count == 0;
}
