using Conformance.Reference.Launcher;

namespace Conformance.Tests.Reference.Launcher;

/// <summary>How the reference Launcher starts a real connector process: its folder and its environment (LC-L03).</summary>
[Platform(Include = "Linux")]
public class OsConnectorProcessStarterTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Starts_the_connector_in_the_given_folder_with_the_given_variables_under_the_request_s_own()
    {
        var folder = Directory.CreateTempSubdirectory("os-starter-");
        try
        {
            var output = Path.Combine(folder.FullName, "seen.txt");
            var starter = new OsConnectorProcessStarter(folder.FullName, new Dictionary<string, string> { ["SHARED"] = "launcher", ["OWN"] = "launcher" });
            var request = new ConnectorStartRequest(
                ["sh", "-c", "printf '%s|%s|%s' \"$(pwd)\" \"$SHARED\" \"$OWN\" > \"$OUT\""],
                new Dictionary<string, string> { ["OUT"] = output, ["SHARED"] = "request" });

            await using var connector = await starter.StartAsync(request, CancellationToken.None);
            await connector.Exited.WaitAsync(Bound);

            Assert.That(await File.ReadAllTextAsync(output), Is.EqualTo($"{folder.FullName}|request|launcher"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public async Task Starts_the_connector_in_the_current_folder_when_none_is_given()
    {
        var folder = Directory.CreateTempSubdirectory("os-starter-");
        try
        {
            var output = Path.Combine(folder.FullName, "seen.txt");
            var request = new ConnectorStartRequest(["sh", "-c", "pwd > \"$OUT\""], new Dictionary<string, string> { ["OUT"] = output });

            await using var connector = await new OsConnectorProcessStarter().StartAsync(request, CancellationToken.None);
            await connector.Exited.WaitAsync(Bound);

            Assert.That((await File.ReadAllTextAsync(output)).Trim(), Is.EqualTo(Directory.GetCurrentDirectory()));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public void Refuses_a_missing_request()
    {
        Assert.ThrowsAsync<ArgumentNullException>(() => new OsConnectorProcessStarter().StartAsync(null!, CancellationToken.None));
    }
}
