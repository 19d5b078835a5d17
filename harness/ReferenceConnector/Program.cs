using Conformance.ConnectorSdk;
using ReferenceConnector;

// The reference connector: what a well-behaved connector does, built on the SDK. Its "remote client" is
// a stand-in child process (this same program with --remote-client), so a whole session runs anywhere.
if (args is [RemoteClientStandIn.Argument, ..])
{
    return await RemoteClientStandIn.RunAsync();
}

await using var launcher = new LauncherIpcClient();
return launcher.PipeName is null
    ? await LegacyMode.RunAsync(args)
    : await ConnectorSession.RunAsync(launcher);
