using BenchmarkDotNet.Running;

// The Pipe Messaging and DCV targets, measured by hand: dotnet run -c Release --project tests/Conformance.Benchmarks -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Conformance.Benchmarks.FramingThroughput).Assembly).Run(args);
