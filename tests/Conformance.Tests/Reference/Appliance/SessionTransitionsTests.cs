using Conformance.Reference.Appliance;

namespace Conformance.Tests.Reference.Appliance;

public class SessionTransitionsTests
{
    [TestCase("inprogress", "undefined", "failed", "faulted")]
    [TestCase("succeeded", "connected", "succeeded", "faulted")]
    [TestCase("succeeded", "running", "succeeded", "faulted")]
    [TestCase("succeeded", "loggingOff", "succeeded", "completed")]
    [TestCase("succeeded", "abortRequested", "succeeded", "aborted")]
    [TestCase("failed", "undefined", "failed", "faulted")]
    public void Moves_a_session_by_table_T1_on_ConnectionEnded(string login, string session, string loginAfter, string sessionAfter)
    {
        Assert.That(SessionTransitions.AfterConnectionEnded(SessionStates.Parse(login, session)), Is.EqualTo(SessionStates.Parse(loginAfter, sessionAfter)));
    }

    [Test]
    public void Moves_a_session_by_table_T2_on_ConnectionFailed()
    {
        Assert.That(SessionTransitions.AfterConnectionFailed(SessionStates.Parse("inprogress", "undefined")), Is.EqualTo(SessionStates.Parse("failed", "faulted")));
    }

    [TestCase("faulted")]
    [TestCase("aborted")]
    [TestCase("completed")]
    [TestCase("abandoned")]
    public void Never_moves_a_session_out_of_a_final_state(string final)
    {
        var states = SessionStates.Parse("succeeded", final);

        Assert.That(SessionTransitions.AfterConnectionEnded(states), Is.EqualTo(states));
        Assert.That(SessionTransitions.AfterConnectionFailed(states), Is.EqualTo(states));
    }

    [Test]
    public void Faults_a_pair_the_tables_do_not_list_and_fails_a_login_in_progress()
    {
        Assert.That(SessionTransitions.AfterConnectionEnded(SessionStates.Parse("inprogress", "running")), Is.EqualTo(SessionStates.Parse("failed", "faulted")));
    }

    [Test]
    public void Spells_states_as_the_catalog_does_and_refuses_unknown_names()
    {
        Assert.That(SessionStates.Parse("InProgress", "abortrequested").ToString(), Is.EqualTo("login inprogress, session abortRequested"));
        Assert.Throws<ArgumentException>(() => SessionStates.Parse("pending", "running"));
    }
}
