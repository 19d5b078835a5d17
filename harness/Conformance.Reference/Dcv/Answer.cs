using Conformance.Dcv.Wire;

namespace Conformance.Reference.Dcv;

/// <summary>A request's response, and what to do once it has been written (start accepting a relay, tear a channel down).</summary>
internal sealed record Answer(DcvMessage Response, Func<Task>? AfterSent = null)
{
    /// <summary>
    /// True when <see cref="AfterSent"/> must run even if the response could not be written: a close has taken
    /// its channel out of the table already, and only this lets go of its relays and tells the other party (VC-09).
    /// </summary>
    public bool EvenIfUnsent { get; init; }
}
