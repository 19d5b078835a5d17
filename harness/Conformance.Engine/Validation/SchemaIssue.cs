namespace Conformance.Engine.Validation;

/// <summary>One way a message breaks its schema.</summary>
/// <param name="Path">Where, as a JSON path (<c>$</c> is the whole message, <c>$.processId</c> a member).</param>
/// <param name="Keyword">The schema keyword that failed, such as <c>required</c>, <c>type</c> or <c>enum</c>.</param>
/// <param name="Reason">A sentence a person can act on.</param>
internal sealed record SchemaIssue(string Path, string Keyword, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Reason} ({Keyword})";
}
