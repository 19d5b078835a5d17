namespace Conformance.Engine.Documentation.Diagrams;

/// <summary>How one transcript entry is drawn in a sequence diagram: an arrow between two parties, or a note on one.</summary>
/// <param name="Label">The text drawn with it, shortened to fit; the whole entry shows as its tooltip.</param>
internal abstract record SequenceStep(string Label)
{
    /// <summary>A message on the wire from <paramref name="from"/> to <paramref name="to"/>: a solid arrow.</summary>
    public static SequenceStep Message(string from, string to, string label) => new SequenceArrow(from, to, label, IsMessage: true);

    /// <summary>Something one party does to another that is not a message (starts it, ends it, hangs up): a dashed arrow.</summary>
    public static SequenceStep Action(string from, string to, string label) => new SequenceArrow(from, to, label, IsMessage: false);

    /// <summary>What one party did or saw on its own (a state change, a rejected line, an exit): a note on its lifeline.</summary>
    public static SequenceStep Note(string on, string label) => new SequenceNote(on, label);
}

/// <summary>An arrow from one party's lifeline to another's.</summary>
/// <param name="From">The party it leaves.</param>
/// <param name="To">The party it reaches.</param>
/// <param name="Label">The text above it.</param>
/// <param name="IsMessage">True for a message on the wire (solid), false for an action (dashed).</param>
internal sealed record SequenceArrow(string From, string To, string Label, bool IsMessage) : SequenceStep(Label);

/// <summary>A note on one party's lifeline.</summary>
/// <param name="On">The party.</param>
/// <param name="Label">The text in the note.</param>
internal sealed record SequenceNote(string On, string Label) : SequenceStep(Label);
