using Conformance.Reference.Appliance;

namespace Conformance.Tests.Reference.Appliance;

public class StateNamesTests
{
    [Test]
    public void Spells_states_as_the_catalog_does_and_reads_them_back_in_any_case()
    {
        Assert.That(StateNames.Of(LoginState.InProgress), Is.EqualTo("inprogress"));
        Assert.That(StateNames.Of(SessionState.AbortRequested), Is.EqualTo("abortRequested"));
        Assert.That(StateNames.ParseLogin("INPROGRESS"), Is.EqualTo(LoginState.InProgress));
        Assert.That(StateNames.ParseSession("loggingoff"), Is.EqualTo(SessionState.LoggingOff));
    }

    [Test]
    public void An_unknown_state_is_refused_with_the_name_given_and_the_names_expected()
    {
        var refused = Assert.Throws<ArgumentException>(() => StateNames.ParseLogin("pending"));

        Assert.That(refused!.ParamName, Is.EqualTo("name"));
        Assert.That(refused.Message, Does.StartWith("\"pending\" is not a LoginState; expected one of Undefined, InProgress, "));
    }
}
