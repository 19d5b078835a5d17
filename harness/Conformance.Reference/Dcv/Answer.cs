using Conformance.Dcv.Wire;

namespace Conformance.Reference.Dcv;

/// <summary>A request's response, and what to do once it has been written (start accepting a relay, tear a channel down).</summary>
internal sealed record Answer(DcvMessage Response, Func<Task>? AfterSent = null);
