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

    [Test]
    public async Task A_second_ConnectionStarted_restarts_the_login_time_out_from_that_moment()
    {
        var clock = new ManualTimeProvider();
        using var appliance = new ApplianceSession(clock, TimeSpan.FromSeconds(120), work => work());
        appliance.Receive(SessionEventKind.ConnectionStarted);
        await clock.AdvanceAsync(TimeSpan.FromSeconds(60));
        appliance.Receive(SessionEventKind.ConnectionStarted);

        await clock.AdvanceAsync(TimeSpan.FromSeconds(119));
        Assert.That(appliance.States.Login, Is.EqualTo(LoginState.InProgress), "the first start's time-out no longer counts");
        Assert.That(clock.PendingTimers, Is.EqualTo(1), "one time-out runs");

        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.That(appliance.States.Login, Is.EqualTo(LoginState.Failed));
    }

    [Test]
    public async Task Releases_the_login_time_out_once_the_login_leaves_progress_and_on_disposal()
    {
        var clock = new ManualTimeProvider();
        var appliance = new ApplianceSession(clock, TimeSpan.FromSeconds(120), work => work());
        appliance.Receive(SessionEventKind.ConnectionStarted);
        appliance.SetStates(SessionStates.Parse("succeeded", "running"), "logged in");
        Assert.That(clock.PendingTimers, Is.Zero, "a login that succeeded has no time-out left");

        appliance.Receive(SessionEventKind.ConnectionStarted);
        appliance.Dispose();
        Assert.That(clock.PendingTimers, Is.Zero, "disposal releases a running time-out");
        await clock.AdvanceAsync(TimeSpan.FromSeconds(300));
        Assert.That(appliance.Events.Select(e => e.Kind), Has.No.Member(SessionEventKind.ConnectionInitializationTimeout));
    }

    [Test]
    public async Task A_time_out_already_queued_when_the_login_succeeded_changes_nothing()
    {
        var clock = new ManualTimeProvider();
        var queued = new List<Action>();
        using var appliance = new ApplianceSession(clock, TimeSpan.FromSeconds(120), queued.Add);
        appliance.Receive(SessionEventKind.ConnectionStarted);
        await clock.AdvanceAsync(TimeSpan.FromSeconds(120));
        Assert.That(queued, Has.Count.EqualTo(1), "the time-out fired onto the owner's queue");

        appliance.SetStates(SessionStates.Parse("succeeded", "running"), "logged in first");
        queued.Single()();

        Assert.That(appliance.States, Is.EqualTo(SessionStates.Parse("succeeded", "running")));
        Assert.That(appliance.Events.Select(e => e.Kind), Is.EqualTo(new[] { SessionEventKind.ConnectionStarted }));
    }
}
