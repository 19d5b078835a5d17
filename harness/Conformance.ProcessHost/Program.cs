using Conformance.ProcessHost;

// conformance-host COMMAND ARGS…, started by the harness with CONFORMANCE_HOST_CONTROL naming its control pipe.
return await HostSession.RunAsync(args);
