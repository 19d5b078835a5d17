using Conformance.Cli;

// The `conformance` command: run the suite, certify an external implementation, list what a run would do.
return await ConformanceCommand.RunAsync(args, Console.Out, Console.Error);
