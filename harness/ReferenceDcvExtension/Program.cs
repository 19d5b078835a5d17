using Conformance.DcvExtensionSdk;
using ReferenceDcvExtension;

// A DCV extension: its control channel is standard input and output, and it writes nothing to standard error (VC-11).
await using var client = DcvExtensionClient.FromStandardStreams();
await EchoExtension.RunAsync(client, ExtensionArguments.Parse(args));
return 0;
