namespace Conformance.Engine.Situations;

/// <summary>One wait of an act: what it waited for, for how long, and whether the thing came or the bound passed.</summary>
/// <param name="What">What was awaited, in the protocol's words ("RemoteConnectionWindowCreated").</param>
/// <param name="Duration">How long the wait lasted.</param>
/// <param name="Bound">The most it could last: the deadline it served.</param>
/// <param name="Met">True when the awaited thing came; false when the bound passed first.</param>
internal sealed record RecordedWait(string What, TimeSpan Duration, TimeSpan Bound, bool Met)
{
    /// <summary>"2.0 s for the remote client's lifetime (deadline passed)", for reports.</summary>
    public string Describe() => $"{Duration.TotalSeconds:0.0} s for {What}{(Met ? "" : $", until its {Bound.TotalSeconds:0.###} s deadline passed")}";
}
