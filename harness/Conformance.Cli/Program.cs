using Conformance.Cli;

// Real-time scenarios judge timings within 250 ms, and many run at once: a thread pool that grows slowly under
// load could hold a continuation back for longer than that, so it starts with enough threads.
ThreadPool.GetMinThreads(out var workers, out var completionPorts);
ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(completionPorts, 32));

// The `conformance` command: run the suite, certify an external implementation, list what a run would do.
return await ConformanceCommand.RunAsync(args, Console.Out, Console.Error);
