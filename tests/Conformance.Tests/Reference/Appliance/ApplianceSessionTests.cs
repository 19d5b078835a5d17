using Conformance.Engine.Timing;
using Conformance.Reference.Appliance;

namespace Conformance.Tests.Reference.Appliance;

public class ApplianceSessionTests
{
    [Test]
    public async Task Times_out_a_login_that_stays_in_progress_for_the_login_time_out()
    {
        var clock = new ManualTimeProvider();
        using var appliance = new ApplianceSession(clock, TimeSpan.FromSeconds(120), work => work());
        var ended = new List<string>();
        appliance.SessionEnded = ended.Add;
        appliance.Receive(SessionEventKind.ConnectionStarted);

        await clock.AdvanceAsync(TimeSpan.FromSeconds(120));

        Assert.That(appliance.States, Is.EqualTo(SessionStates.Parse("failed", "undefined")));
        Assert.That(appliance.Events.Select(e => e.Kind), Is.EqualTo(new[] { SessionEventKind.ConnectionStarted, SessionEventKind.ConnectionInitializationTimeout }));
        Assert.That(appliance.Events[1].ByAppliance);
        Assert.That(ended, Is.EqualTo(new[] { "the login timed out" }));
    }

    [Test]
    public async Task Stops_the_login_time_out_once_the_login_is_no_longer_in_progress()
    {
        var clock = new ManualTimeProvider();
        using var appliance = new ApplianceSession(clock, TimeSpan.FromSeconds(120), work => work());
        appliance.Receive(SessionEventKind.ConnectionStarted);
        appliance.SetStates(SessionStates.Parse("succeeded", "running"), "logged in");

        await clock.AdvanceAsync(TimeSpan.FromSeconds(300));

        Assert.That(appliance.Events.Select(e => e.Kind), Is.EqualTo(new[] { SessionEventKind.ConnectionStarted }));
    }

    [Test]
    public void Records_custom_events_without_moving_the_session()
    {
        using var appliance = new ApplianceSession(new ManualTimeProvider(), TimeSpan.FromSeconds(120), work => work());
        appliance.SetStates(SessionStates.Parse("succeeded", "running"), "given");

        appliance.Receive(SessionEventKind.CustomUserSessionEvent, "hello");

        Assert.That(appliance.Events.Single().Message, Is.EqualTo("hello"));
        Assert.That(appliance.States, Is.EqualTo(SessionStates.Parse("succeeded", "running")));
    }
}
