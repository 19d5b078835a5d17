using Conformance.Reference.Dcv;

namespace Conformance.Tests.Reference.Dcv;

/// <summary>Which ends of a control session blame the party.</summary>
public class SessionEndTests
{
    [TestCase(SessionEndReason.MalformedFrame, true)]
    [TestCase(SessionEndReason.NoRequest, true)]
    [TestCase(SessionEndReason.StoppedReading, true)]
    [TestCase(SessionEndReason.ControlChannelEnded, false)]
    [TestCase(SessionEndReason.Stopped, false)]
    public void Counts_only_a_broken_protocol_or_a_party_that_stopped_reading_as_a_violation(SessionEndReason reason, bool violation) =>
        Assert.That(new SessionEnd(reason, "why").IsViolation, Is.EqualTo(violation));
}
