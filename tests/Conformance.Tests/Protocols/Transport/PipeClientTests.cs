using System.Diagnostics;
using System.Net.Sockets;
using Conformance.Protocols.Transport;

namespace Conformance.Tests.Protocols.Transport;

[Platform(Exclude = "Win")]
public class PipeClientTests
{
    [Test]
    public void Gives_up_after_the_total_wait_saying_how_many_attempts_were_refused_and_the_last_refusal()
    {
        var clock = new SkippingClock();

        var error = Assert.ThrowsAsync<TimeoutException>(() => PipeClient.ConnectWithRetryAsync(PipeName.NewUnique("absent"), RetryPolicy.Default, clock));

        Assert.That(clock.Waits, Is.EqualTo(RetryPolicy.Default.Intervals()), "the pauses follow the policy, the last cut to the time left");
        Assert.That(error!.Message, Does.Contain("all 15 connection attempts over 10.0 s"));
        Assert.That(error.Message, Does.Contain(nameof(SocketError.AddressNotAvailable)), "an absent pipe is ENOENT");
    }

    [Test]
    public void Gives_up_in_real_time_once_its_total_wait_has_passed()
    {
        var policy = new RetryPolicy { FirstInterval = TimeSpan.FromMilliseconds(10), MaxInterval = TimeSpan.FromMilliseconds(40), TotalWait = TimeSpan.FromMilliseconds(300) };
        var clock = Stopwatch.StartNew();

        Assert.ThrowsAsync<TimeoutException>(() => PipeClient.ConnectWithRetryAsync(PipeName.NewUnique("absent"), policy));

        Assert.That(clock.Elapsed, Is.InRange(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(10)));
    }

    [Test]
    public void Stops_retrying_when_cancelled()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        Assert.CatchAsync<OperationCanceledException>(() => PipeClient.ConnectWithRetryAsync(PipeName.NewUnique("absent"), RetryPolicy.Default, cancel.Token));
    }
}
