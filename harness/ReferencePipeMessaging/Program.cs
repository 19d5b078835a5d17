using System.Runtime.InteropServices;
using ReferencePipeMessaging;

// The reference Pipe Messaging roles: `ReferencePipeMessaging <role> [options]`, pipes from the environment
// (CONFORMANCE_COMMAND_PIPE_NAME, CONFORMANCE_EVENT_PIPE_NAME, CONFORMANCE_PIPE_NAME) or the default names.
using var stop = new CancellationTokenSource();
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

await Warmup.RunAsync();
return args switch
{
    ["event-pipe-service", ..] => await Roles.EventPipeServiceAsync(stop.Token),
    ["event-pipe-client", ..] => await Roles.EventPipeClientAsync(stop.Token),
    ["command-pipe-server", ..] => await Roles.CommandPipeServerAsync(stop.Token),
    ["command-pipe-client", .. var rest] => await Roles.CommandPipeClientAsync(rest, stop.Token),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ReferencePipeMessaging event-pipe-service | event-pipe-client | command-pipe-server | command-pipe-client [--command NAME] [--parameters JSON] [--timeout-seconds N]");
    return 2;
}
