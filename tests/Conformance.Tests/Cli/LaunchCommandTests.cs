using Conformance.Cli;
using Conformance.Tests.Support;

namespace Conformance.Tests.Cli;

/// <summary>Issue 11: <c>conformance launch</c> runs one session of the reference Launcher with a connector, driven by a script.</summary>
public class LaunchCommandTests
{
    private static readonly string Bin = AppContext.BaseDirectory;

    private static async Task<(int Code, string Output, string Error)> Launch(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await ConformanceCommand.RunAsync(["launch", "--root", Project.Layout.Root, "--timeout", "60", .. args], output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Test]
    public async Task Shows_a_whole_session_of_the_reference_connector_to_ConnectionEnded()
    {
        var (code, output, error) = await Launch("--script", "0.5: end-remote-client", "--", "dotnet", Path.Combine(Bin, "ReferenceConnector.dll"));

        Assert.That(code, Is.EqualTo(0), output + error);
        Assert.That(output, Does.Contain("launcher  → ConnectionConfiguration"));
        Assert.That(output, Does.Contain("\"password\":\"***\"").And.Not.Contain("\"password\":\"" + "x"), "the password is masked");
        Assert.That(output, Does.Contain("✓ a valid CustomConnectorEvent"));
        Assert.That(output, Does.Contain("launcher  tracks the remote client"));
        Assert.That(output, Does.Contain("action: end the remote client"));
        Assert.That(output, Does.Contain("launcher  posts ConnectionEnded"));
        Assert.That(output, Does.Contain("Session over: the Launcher posted ConnectionEnded"));
    }

    [Test]
    public async Task Marks_a_line_that_is_not_a_valid_event_and_exits_1()
    {
        var (code, output, _) = await Launch("--script", "0.5: end-remote-client", "--", "dotnet", Path.Combine(Bin, "MisbehavingConnector.dll"), "unknown-event-type");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("✗ $.eventType: \"eventType\" is not one of the allowed values"));
        Assert.That(output, Does.Contain("launcher  ignores line"));
    }

    [Test]
    public async Task Shows_the_failure_path_with_the_failing_configuration()
    {
        var (code, output, _) = await Launch("--failing", "--", "dotnet", Path.Combine(Bin, "ReferenceConnector.dll"));

        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("launcher  posts ConnectionFailed"));
        Assert.That(output, Does.Contain("Session over: the connection failed and the connector exited"));
    }

    [TestCase("2 end-remote-client", "is not SECONDS: ACTION")]
    [TestCase("2: dance", "is not an action")]
    public async Task Exits_2_on_a_bad_script(string script, string message)
    {
        var (code, _, error) = await Launch("--script", script, "--", "dotnet", Path.Combine(Bin, "ReferenceConnector.dll"));

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain(message));
    }
}
